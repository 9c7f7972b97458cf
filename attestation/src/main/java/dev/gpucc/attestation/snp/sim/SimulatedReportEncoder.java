package dev.gpucc.attestation.snp.sim;

import dev.gpucc.attestation.snp.abi.SnpProductLine;
import dev.gpucc.attestation.snp.abi.SnpReport;
import dev.gpucc.attestation.snp.abi.TcbVersion;
import dev.gpucc.attestation.snp.verify.ReportSignature;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.security.GeneralSecurityException;
import java.security.PrivateKey;
import java.security.Provider;
import java.security.SecureRandom;
import java.security.Signature;
import java.util.Arrays;
import org.bouncycastle.asn1.ASN1Integer;
import org.bouncycastle.asn1.ASN1Sequence;

/**
 * Writes an ATTESTATION_REPORT in the real layout (evidence-formats §1.2) and signs bytes
 * [0, 0x2A0) with ECDSA P-384/SHA-384, storing R and S little-endian in 72-byte fields (§1.7).
 */
final class SimulatedReportEncoder {
  private static final SecureRandom RANDOM = new SecureRandom();

  private SimulatedReportEncoder() {}

  /** CPUID family/model/stepping typical of each line (go-sev-guest CPUID(1).EAX values). */
  static int[] cpuid(SnpProductLine line) {
    switch (line) {
      case MILAN:
        return new int[] {0x19, 0x01, 0x01};
      case GENOA:
        return new int[] {0x19, 0x11, 0x01};
      default:
        return new int[] {0x1A, 0x02, 0x00};
    }
  }

  static byte[] encode(
      SnpProductLine line, TcbVersion tcb, byte[] chipId, byte[] reportData,
      SimulatedReportOptions o, boolean vlek) {
    ByteBuffer bb = ByteBuffer.allocate(SnpReport.SIZE).order(ByteOrder.LITTLE_ENDIAN);
    bb.putInt(0x000, o.version());
    bb.putInt(0x004, o.guestSvn());
    bb.putLong(0x008, o.policy());
    bb.put(0x010, o.familyId());
    bb.put(0x020, o.imageId());
    bb.putInt(0x030, o.vmpl());
    bb.putInt(0x034, SnpReport.SIGNATURE_ALGO_ECDSA_P384_SHA384);
    bb.put(0x038, tcb.raw());
    // SMT_EN | ECC_EN, plus ALIAS_CHECK_COMPLETE from version 3 on (it was added then).
    bb.putLong(0x040, o.version() >= 3 ? 0x25L : 0x05L);
    bb.putInt(0x048, vlek ? 1 << 2 : 0);
    bb.put(0x050, reportData);
    bb.put(0x090, o.measurement());
    bb.put(0x0C0, o.hostData());
    bb.put(0x0E0, o.idKeyDigest());
    byte[] reportId = new byte[32];
    RANDOM.nextBytes(reportId);
    bb.put(0x140, reportId);
    bb.put(0x180, tcb.raw());
    if (o.version() >= 3) {
      int[] c = cpuid(line);
      bb.put(0x188, (byte) c[0]).put(0x189, (byte) c[1]).put(0x18A, (byte) c[2]);
    }
    bb.put(0x1A0, o.maskChipId() ? new byte[64] : chipId);
    bb.put(0x1E0, tcb.raw());
    // Firmware 1.55 build 40, current and committed.
    bb.put(0x1E8, (byte) 40).put(0x1E9, (byte) 55).put(0x1EA, (byte) 1);
    bb.put(0x1EC, (byte) 40).put(0x1ED, (byte) 55).put(0x1EE, (byte) 1);
    bb.put(0x1F0, tcb.raw());
    return bb.array();
  }

  /** Signs in place. */
  static void sign(byte[] report, PrivateKey key, Provider bc) throws GeneralSecurityException {
    Signature s = Signature.getInstance("SHA384withECDSA", bc);
    s.initSign(key, RANDOM);
    s.update(report, 0, SnpReport.SIGNED_LENGTH);
    ASN1Sequence seq = ASN1Sequence.getInstance(s.sign());
    byte[] r = ReportSignature.toLittleEndian72(ASN1Integer.getInstance(seq.getObjectAt(0)).getValue());
    byte[] sv = ReportSignature.toLittleEndian72(ASN1Integer.getInstance(seq.getObjectAt(1)).getValue());
    System.arraycopy(r, 0, report, SnpReport.SIG_R_OFFSET, r.length);
    System.arraycopy(sv, 0, report, SnpReport.SIG_S_OFFSET, sv.length);
    Arrays.fill(report, SnpReport.SIG_RESERVED_OFFSET, SnpReport.SIZE, (byte) 0);
  }
}
