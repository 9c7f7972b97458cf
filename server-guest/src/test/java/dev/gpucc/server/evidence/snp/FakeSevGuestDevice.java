package dev.gpucc.server.evidence.snp;

import com.sun.jna.Pointer;
import dev.gpucc.attestation.snp.sim.SimulatedAmdAuthority;
import dev.gpucc.proto.v1.SnpEvidence;
import dev.gpucc.server.evidence.linux.SevGuestAbi;

/**
 * Behaves like the kernel's sev-guest driver for the two report ioctls: reads the request
 * structures from native memory, answers "buffer too small" (EIO, vmm_error=1, certs_len = needed)
 * when the certificate buffer is short, and writes MSG_REPORT_RSP and the certificate table.
 */
final class FakeSevGuestDevice implements SevGuestDevice {
  private final SimulatedAmdAuthority authority;
  int calls;
  int lastCertsLen;
  int lastVmpl;
  int failFwError;
  boolean closed;

  FakeSevGuestDevice(SimulatedAmdAuthority authority) {
    this.authority = authority;
  }

  @Override
  public void ioctl(long request, Pointer arg) throws IoctlException {
    calls++;
    if (arg.getByte(0) == 0) {
      throw new IoctlException(22); // EINVAL: msg_version must be non-zero
    }
    Pointer req = new Pointer(arg.getLong(8));
    Pointer resp = new Pointer(arg.getLong(16));
    byte[] userData = req.getByteArray(0, 64);
    lastVmpl = req.getInt(64);
    if (failFwError != 0) {
      arg.setLong(24, failFwError);
      throw new IoctlException(SevGuestAbi.EIO);
    }
    SnpEvidence e = authority.attest(userData);
    byte[] table = e.getCertTable().toByteArray();
    if (request == SevGuestAbi.SNP_GET_EXT_REPORT) {
      long certsAddr = req.getLong(96);
      int certsLen = req.getInt(104);
      lastCertsLen = certsLen;
      if (certsLen < table.length) {
        req.setInt(104, (table.length + 4095) / 4096 * 4096);
        arg.setLong(24, 1L << 32);
        throw new IoctlException(SevGuestAbi.EIO);
      }
      new Pointer(certsAddr).write(0, table, 0, table.length);
    } else if (request != SevGuestAbi.SNP_GET_REPORT) {
      throw new IoctlException(25); // ENOTTY
    }
    resp.setInt(0, 0);
    resp.setInt(4, 1184);
    resp.write(32, e.getReport().toByteArray(), 0, 1184);
  }

  @Override
  public void close() {
    closed = true;
  }
}
