package dev.gpucc.attestation.snp.sim;

import dev.gpucc.attestation.snp.abi.SnpProductLine;
import dev.gpucc.attestation.snp.abi.SnpReport;
import dev.gpucc.attestation.snp.abi.TcbVersion;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.security.GeneralSecurityException;
import java.security.PrivateKey;
import java.security.Provider;
import java.security.SecureRandom;
import java.security.Signature;
import org.bouncycastle.asn1.ASN1Integer;
import org.bouncycastle.asn1.ASN1Sequence;

/** Lays out and signs an ATTESTATION_REPORT byte for byte as the AMD SP does (evidence-formats §1.2, §1.7). */
final class SimulatedReportWriter {
  private SimulatedReportWriter() {}

  static byte[] write(SimulatedGuest g, SnpProductLine line, byte[] chipId, byte[] reportData, PrivateKey vcek, Provider bc) {
    if (reportData.length != 64) {
      throw new IllegalArgumentException("report data must be 64 bytes, got " + reportData.length);
    }
    ByteBuffer b = ByteBuffer.allocate(SnpReport.SIZE).order(ByteOrder.LITTLE_ENDIAN);
    long tcb = encode(g.reportedTcb(), line.turinTcbLayout());
    b.putInt(0x000, g.version());
    b.putLong(0x008, g.policy());
    b.putInt(0x030, g.vmpl());
    b.putInt(0x034, 1); // ECDSA P-384 with SHA-384
    b.putLong(0x038, tcb);
    b.putLong(0x040, g.platformInfo());
    b.putInt(0x048, 0); // signed by the VCEK
    b.put(0x050, reportData);
    b.put(0x090, g.measurement());
    byte[] reportId = new byte[32];
    new SecureRandom().nextBytes(reportId);
    b.put(0x140, reportId);
    b.putLong(0x180, tcb);
    if (g.version() >= 3) {
      int[] cpuid = cpuid(line);
      b.put(0x188, (byte) cpuid[0]).put(0x189, (byte) cpuid[1]).put(0x18A, (byte) cpuid[2]);
    }
    b.put(0x1A0, chipId);
    b.putLong(0x1E0, tcb);
    b.put(0x1E8, (byte) g.firmwareBuild()).put(0x1E9, (byte) g.firmwareMinor()).put(0x1EA, (byte) g.firmwareMajor());
    b.put(0x1EC, (byte) g.firmwareBuild()).put(0x1ED, (byte) g.firmwareMinor()).put(0x1EE, (byte) g.firmwareMajor());
    b.putLong(0x1F0, tcb);
    byte[] report = b.array();
    sign(report, vcek, bc);
    return report;
  }

  /** CPUID family, model, stepping of a representative part of each line. */
  static int[] cpuid(SnpProductLine line) {
    return switch (line) {
      case MILAN -> new int[] {0x19, 0x01, 0x01};
      case GENOA -> new int[] {0x19, 0x11, 0x01};
      case TURIN -> new int[] {0x1A, 0x02, 0x00};
    };
  }

  static long encode(TcbVersion t, boolean turin) {
    if (turin) {
      return (t.fmc() & 0xffL) | (t.bootloader() & 0xffL) << 8 | (t.tee() & 0xffL) << 16 | (t.snp() & 0xffL) << 24
          | (t.microcode() & 0xffL) << 56;
    }
    return (t.bootloader() & 0xffL) | (t.tee() & 0xffL) << 8 | (t.snp() & 0xffL) << 48 | (t.microcode() & 0xffL) << 56;
  }

  /** ECDSA P-384/SHA-384 over [0, 0x2A0); r and s stored little-endian in 72-byte fields. */
  private static void sign(byte[] report, PrivateKey key, Provider bc) {
    try {
      Signature s = Signature.getInstance("SHA384withECDSA", bc);
      s.initSign(key);
      s.update(report, 0, SnpReport.SIGNED_LENGTH);
      ASN1Sequence seq = ASN1Sequence.getInstance(s.sign());
      putLittleEndian(report, 0x2A0, ASN1Integer.getInstance(seq.getObjectAt(0)).getPositiveValue());
      putLittleEndian(report, 0x2E8, ASN1Integer.getInstance(seq.getObjectAt(1)).getPositiveValue());
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("cannot sign the simulated report", e);
    }
  }

  private static void putLittleEndian(byte[] out, int offset, java.math.BigInteger v) {
    byte[] be = v.toByteArray();
    int n = 0;
    for (int i = be.length - 1; i >= 0 && n < 48; i--, n++) {
      out[offset + n] = be[i];
    }
  }
}
