package dev.gpucc.server.evidence.linux;

import com.sun.jna.Structure;

/**
 * {@code struct snp_guest_request_ioctl} (linux include/uapi/linux/sev-guest.h; evidence-formats
 * §2.1), 32 bytes: msg_version @0, (7 bytes padding), req_data @8, resp_data @16, exitinfo2 @24
 * (low u32 fw_error, high u32 vmm_error). Field names follow the C header.
 */
@Structure.FieldOrder({"msg_version", "req_data", "resp_data", "exitinfo2"})
public class SnpGuestRequestIoctl extends Structure {
  public static final int SIZE = 32;
  /** vmm_error: the certificate buffer is too small; the kernel wrote the needed size to certs_len. */
  public static final int VMM_ERR_INVALID_LEN = 1;
  /** vmm_error: host busy (the kernel already retried for up to 60 s). */
  public static final int VMM_ERR_BUSY = 2;

  public byte msg_version;
  public long req_data;
  public long resp_data;
  public long exitinfo2;

  public int fwError() {
    return (int) exitinfo2;
  }

  public int vmmError() {
    return (int) (exitinfo2 >>> 32);
  }
}
