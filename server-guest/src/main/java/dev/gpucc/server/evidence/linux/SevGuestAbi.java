package dev.gpucc.server.evidence.linux;

/**
 * ioctl numbers and sizes of /dev/sev-guest (x86-64; sev-guest.h, evidence-formats §2.1) and the
 * response layout of MSG_REPORT_RSP.
 */
public final class SevGuestAbi {
  /** _IOWR('S', 0x0, struct snp_guest_request_ioctl). */
  public static final long SNP_GET_REPORT = 0xC0205300L;
  /** _IOWR('S', 0x2, struct snp_guest_request_ioctl). */
  public static final long SNP_GET_EXT_REPORT = 0xC0205302L;
  /** struct snp_report_resp: 4000 bytes. */
  public static final int REPORT_RESP_SIZE = 4000;
  /** MSG_REPORT_RSP: status @0, report_size @4, report @32. */
  public static final int RESP_STATUS = 0;
  public static final int RESP_REPORT_SIZE = 4;
  public static final int RESP_REPORT = 32;
  public static final int PAGE = 4096;
  /** SEV_FW_BLOB_MAX_SIZE in mainline: the largest certificate buffer the kernel accepts. */
  public static final int MAX_CERTS_LEN = 0x4000;
  public static final int EIO = 5;
  public static final int O_RDWR = 2;

  private SevGuestAbi() {}

  /** Firmware status codes the kernel passes back (SEV-SNP ABI spec, "Status Codes"). */
  public static String describeFwError(int code) {
    switch (code) {
      case 0x16:
        return "INVALID_PARAM";
      case 0x27:
        return "INVALID_KEY";
      default:
        return "0x" + Integer.toHexString(code);
    }
  }
}
