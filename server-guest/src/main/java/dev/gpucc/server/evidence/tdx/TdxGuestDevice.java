package dev.gpucc.server.evidence.tdx;

import com.sun.jna.Library;
import com.sun.jna.Native;
import com.sun.jna.NativeLong;
import com.sun.jna.Pointer;
import dev.gpucc.server.evidence.EvidenceProviderException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * {@code /dev/tdx_guest} {@code TDX_CMD_GET_REPORT0} through JNA (evidence-formats §2.2): the
 * local TDREPORT for 64 bytes of report data. Hardware only; tests assert the struct layout.
 */
public final class TdxGuestDevice implements TdReportSource {
  public static final String DEVICE = "/dev/tdx_guest";
  /** {@code _IOWR('T', 1, struct tdx_report_req)}. */
  public static final long TDX_CMD_GET_REPORT0 = 0xC4405401L;
  private static final int O_RDWR = 2;

  interface LibC extends Library {
    int open(String path, int flags);

    int ioctl(int fd, NativeLong request, Pointer arg);

    int close(int fd);
  }

  public static boolean isPresent() {
    return Files.exists(Path.of(DEVICE));
  }

  @Override
  public byte[] tdReport(byte[] reportData) throws EvidenceProviderException {
    if (reportData.length != 64) {
      throw new EvidenceProviderException("TDX_CMD_GET_REPORT0: report data must be 64 bytes");
    }
    LibC libc;
    try {
      libc = Native.load("c", LibC.class);
    } catch (UnsatisfiedLinkError e) {
      throw new EvidenceProviderException("TDX_CMD_GET_REPORT0: libc not loadable: " + e.getMessage(), e);
    }
    int fd = libc.open(DEVICE, O_RDWR);
    if (fd < 0) {
      throw new EvidenceProviderException("cannot open " + DEVICE + " (errno " + Native.getLastError() + ")");
    }
    try {
      TdxReportReq req = new TdxReportReq();
      System.arraycopy(reportData, 0, req.reportdata, 0, 64);
      req.write();
      int rc = libc.ioctl(fd, new NativeLong(TDX_CMD_GET_REPORT0), req.getPointer());
      if (rc != 0) {
        throw new EvidenceProviderException(
            "TDX_CMD_GET_REPORT0 failed (errno " + Native.getLastError() + "; EIO = TDCALL TDG.MR.REPORT failed)");
      }
      req.read();
      return req.tdreport.clone();
    } finally {
      libc.close(fd);
    }
  }
}
