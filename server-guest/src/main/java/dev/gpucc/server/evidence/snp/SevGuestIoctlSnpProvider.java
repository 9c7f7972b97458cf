package dev.gpucc.server.evidence.snp;

import com.google.protobuf.ByteString;
import com.sun.jna.Memory;
import com.sun.jna.Pointer;
import dev.gpucc.proto.v1.Evidence;
import dev.gpucc.proto.v1.SnpEvidence;
import dev.gpucc.proto.v1.TeeKind;
import dev.gpucc.server.evidence.CpuEvidenceProvider;
import dev.gpucc.server.evidence.EvidenceProviderException;
import dev.gpucc.server.evidence.linux.SevGuestAbi;
import dev.gpucc.server.evidence.linux.SnpExtReportReq;
import dev.gpucc.server.evidence.linux.SnpGuestRequestIoctl;
import dev.gpucc.server.evidence.linux.SnpReportReq;
import java.io.IOException;
import java.util.Objects;

/**
 * SEV-SNP evidence through the legacy /dev/sev-guest ioctls (evidence-formats §2.1):
 * SNP_GET_EXT_REPORT (report + host-supplied certificate table) or SNP_GET_REPORT. When the
 * certificate buffer is too small the kernel answers EIO with vmm_error=1 and the needed size in
 * certs_len; the request is repeated once with that size. Requests are serialized here too: the
 * kernel disables the VMPCK after an unexpected failure, so nothing is fired speculatively.
 */
public final class SevGuestIoctlSnpProvider implements CpuEvidenceProvider {
  public static final String NAME = "sev-guest-ioctl";

  /** Opens the device for one request. */
  @FunctionalInterface
  public interface Opener {
    SevGuestDevice open() throws IOException;
  }

  private final Opener opener;
  private final int vmpl;
  private final boolean extended;

  public SevGuestIoctlSnpProvider() {
    this(() -> LinuxSevGuestDevice.open(LinuxSevGuestDevice.DEFAULT_PATH), 0, true);
  }

  /**
   * @param vmpl VMPL requested (0..3; must be >= the guest's own VMPL)
   * @param extended use SNP_GET_EXT_REPORT to also get the certificate table
   */
  public SevGuestIoctlSnpProvider(Opener opener, int vmpl, boolean extended) {
    this.opener = Objects.requireNonNull(opener, "opener");
    if (vmpl < 0 || vmpl > 3) {
      throw new IllegalArgumentException("vmpl must be 0..3");
    }
    this.vmpl = vmpl;
    this.extended = extended;
  }

  @Override
  public String name() {
    return NAME;
  }

  @Override
  public TeeKind teeKind() {
    return TeeKind.TEE_KIND_SEV_SNP;
  }

  @Override
  public boolean simulated() {
    return false;
  }

  @Override
  public synchronized Evidence.Builder collect(byte[] reportData) throws EvidenceProviderException {
    SnpProviders.checkReportData(reportData);
    try (SevGuestDevice dev = opener.open()) {
      return Evidence.newBuilder().setSnp(extended ? extReport(dev, reportData) : report(dev, reportData));
    } catch (IOException e) {
      throw new EvidenceProviderException("/dev/sev-guest: " + e.getMessage(), e);
    }
  }

  private SnpEvidence report(SevGuestDevice dev, byte[] reportData) throws EvidenceProviderException {
    SnpReportReq req = new SnpReportReq();
    System.arraycopy(reportData, 0, req.user_data, 0, 64);
    req.vmpl = vmpl;
    req.write();
    Memory resp = new Memory(SevGuestAbi.REPORT_RESP_SIZE);
    resp.clear();
    SnpGuestRequestIoctl ioc = request(req.getPointer(), resp);
    call(dev, SevGuestAbi.SNP_GET_REPORT, ioc, "SNP_GET_REPORT");
    return evidence(resp, reportData, new byte[0]);
  }

  private SnpEvidence extReport(SevGuestDevice dev, byte[] reportData) throws EvidenceProviderException {
    int certsLen = SevGuestAbi.PAGE;
    for (int attempt = 0; ; attempt++) {
      SnpExtReportReq req = new SnpExtReportReq();
      System.arraycopy(reportData, 0, req.data.user_data, 0, 64);
      req.data.vmpl = vmpl;
      Memory certs = new Memory(certsLen);
      certs.clear();
      req.certs_address = Pointer.nativeValue(certs);
      req.certs_len = certsLen;
      req.write();
      Memory resp = new Memory(SevGuestAbi.REPORT_RESP_SIZE);
      resp.clear();
      SnpGuestRequestIoctl ioc = request(req.getPointer(), resp);
      try {
        dev.ioctl(SevGuestAbi.SNP_GET_EXT_REPORT, ioc.getPointer());
        ioc.read();
        return evidence(resp, reportData, certs.getByteArray(0, certsLen));
      } catch (SevGuestDevice.IoctlException e) {
        ioc.read();
        req.read();
        boolean tooSmall = e.errno() == SevGuestAbi.EIO
            && ioc.vmmError() == SnpGuestRequestIoctl.VMM_ERR_INVALID_LEN;
        if (!tooSmall || attempt > 0) {
          throw failure("SNP_GET_EXT_REPORT", e.errno(), ioc);
        }
        int needed = req.certs_len;
        if (needed <= certsLen || needed > SevGuestAbi.MAX_CERTS_LEN) {
          throw new EvidenceProviderException("SNP_GET_EXT_REPORT: host needs a certificate buffer of "
              + needed + " bytes (limit " + SevGuestAbi.MAX_CERTS_LEN + ")");
        }
        certsLen = (needed + SevGuestAbi.PAGE - 1) / SevGuestAbi.PAGE * SevGuestAbi.PAGE;
      }
    }
  }

  private static SnpGuestRequestIoctl request(Pointer req, Memory resp) {
    SnpGuestRequestIoctl ioc = new SnpGuestRequestIoctl();
    ioc.msg_version = 1;
    ioc.req_data = Pointer.nativeValue(req);
    ioc.resp_data = Pointer.nativeValue(resp);
    ioc.write();
    return ioc;
  }

  private static void call(SevGuestDevice dev, long request, SnpGuestRequestIoctl ioc, String what)
      throws EvidenceProviderException {
    try {
      dev.ioctl(request, ioc.getPointer());
      ioc.read();
    } catch (SevGuestDevice.IoctlException e) {
      ioc.read();
      throw failure(what, e.errno(), ioc);
    }
  }

  private static EvidenceProviderException failure(String what, int errno, SnpGuestRequestIoctl ioc) {
    return new EvidenceProviderException(what + " failed: errno " + errno + ", fw_error "
        + SevGuestAbi.describeFwError(ioc.fwError()) + ", vmm_error " + ioc.vmmError());
  }

  private static SnpEvidence evidence(Memory resp, byte[] reportData, byte[] certs)
      throws EvidenceProviderException {
    int status = resp.getInt(SevGuestAbi.RESP_STATUS);
    int size = resp.getInt(SevGuestAbi.RESP_REPORT_SIZE);
    if (status != 0) {
      throw new EvidenceProviderException("MSG_REPORT_RSP status " + SevGuestAbi.describeFwError(status));
    }
    if (size != 1184) {
      throw new EvidenceProviderException("MSG_REPORT_RSP report_size " + size + ", expected 1184");
    }
    byte[] report = resp.getByteArray(SevGuestAbi.RESP_REPORT, size);
    SnpProviders.checkReturned(report, reportData, "/dev/sev-guest");
    return SnpEvidence.newBuilder()
        .setReport(ByteString.copyFrom(report))
        .setCertTable(ByteString.copyFrom(certs))
        .setProvider(NAME)
        .build();
  }
}
