package dev.gpucc.attestation.snp.abi;

import dev.gpucc.attestation.EvidenceFormatException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.Arrays;
import java.util.Optional;

/**
 * An SEV-SNP ATTESTATION_REPORT (AMD SEV-SNP ABI, "ATTESTATION_REPORT Structure"; field table in
 * evidence-formats §1.2), parsed into an immutable value. The raw bytes are kept: the signature is
 * checked over them, never over a re-encoding.
 */
public final class SnpReport {
  public static final int SIZE = 0x4A0;
  /** Bytes [0, SIGNED_LENGTH) are signed. */
  public static final int SIGNED_LENGTH = 0x2A0;
  public static final int MIN_VERSION = 2;
  public static final int MAX_VERSION = 5;

  private final byte[] raw;
  private final ByteBuffer le;

  private SnpReport(byte[] raw) {
    this.raw = raw;
    this.le = ByteBuffer.wrap(raw).order(ByteOrder.LITTLE_ENDIAN);
  }

  /**
   * Parses a report: size, version 2..5, signature algorithm 1 (ECDSA P-384/SHA-384), and the
   * must-be-zero bytes of the signature area.
   */
  public static SnpReport parse(byte[] bytes) throws EvidenceFormatException {
    if (bytes.length != SIZE) {
      throw new EvidenceFormatException("SNP_REPORT_SIZE",
          "SNP report must be " + SIZE + " bytes, got " + bytes.length);
    }
    SnpReport r = new SnpReport(bytes.clone());
    if (r.version() < MIN_VERSION || r.version() > MAX_VERSION) {
      throw new EvidenceFormatException("SNP_REPORT_VERSION",
          "SNP report version " + r.version() + " is not supported (supported: 2..5)");
    }
    if (r.signatureAlgorithm() != 1) {
      throw new EvidenceFormatException("SNP_SIGNATURE_ALGORITHM",
          "SNP report SIGNATURE_ALGO is " + r.signatureAlgorithm() + ", expected 1 (ECDSA P-384 with SHA-384)");
    }
    // r and s are 48-byte values zero-extended to 72 bytes; the extension and the 368 reserved
    // bytes after s must be zero (a non-zero byte there means a corrupt or foreign structure).
    if (!allZero(bytes, 0x2A0 + 48, 0x2E8) || !allZero(bytes, 0x2E8 + 48, 0x330) || !allZero(bytes, 0x330, SIZE)) {
      throw new EvidenceFormatException("SNP_REPORT_RESERVED", "SNP report signature area has non-zero reserved bytes");
    }
    return r;
  }

  public byte[] raw() {
    return raw.clone();
  }

  public byte[] signedBytes() {
    return Arrays.copyOfRange(raw, 0, SIGNED_LENGTH);
  }

  public int version() {
    return le.getInt(0x000);
  }

  public int guestSvn() {
    return le.getInt(0x004);
  }

  public GuestPolicy policy() {
    return new GuestPolicy(le.getLong(0x008));
  }

  public byte[] familyId() {
    return slice(0x010, 16);
  }

  public byte[] imageId() {
    return slice(0x020, 16);
  }

  public int vmpl() {
    return le.getInt(0x030);
  }

  public int signatureAlgorithm() {
    return le.getInt(0x034);
  }

  public long currentTcbRaw() {
    return le.getLong(0x038);
  }

  public PlatformInfo platformInfo() {
    return new PlatformInfo(le.getLong(0x040));
  }

  public SignerInfo signerInfo() {
    return new SignerInfo(le.getInt(0x048));
  }

  public byte[] reportData() {
    return slice(0x050, 64);
  }

  public byte[] measurement() {
    return slice(0x090, 48);
  }

  public byte[] hostData() {
    return slice(0x0C0, 32);
  }

  public byte[] idKeyDigest() {
    return slice(0x0E0, 48);
  }

  public byte[] authorKeyDigest() {
    return slice(0x110, 48);
  }

  public byte[] reportId() {
    return slice(0x140, 32);
  }

  public byte[] reportIdMa() {
    return slice(0x160, 32);
  }

  public long reportedTcbRaw() {
    return le.getLong(0x180);
  }

  /** CPUID family/model/stepping (version 3 and later); empty for version 2. */
  public Optional<int[]> cpuid() {
    if (version() < 3) {
      return Optional.empty();
    }
    return Optional.of(new int[] {raw[0x188] & 0xff, raw[0x189] & 0xff, raw[0x18A] & 0xff});
  }

  public byte[] chipId() {
    return slice(0x1A0, 64);
  }

  public long committedTcbRaw() {
    return le.getLong(0x1E0);
  }

  public FirmwareVersion currentFirmware() {
    return new FirmwareVersion(raw[0x1EA] & 0xff, raw[0x1E9] & 0xff, raw[0x1E8] & 0xff);
  }

  public FirmwareVersion committedFirmware() {
    return new FirmwareVersion(raw[0x1EE] & 0xff, raw[0x1ED] & 0xff, raw[0x1EC] & 0xff);
  }

  public long launchTcbRaw() {
    return le.getLong(0x1F0);
  }

  /** LAUNCH_MIT_VECTOR / CURRENT_MIT_VECTOR (version 5 and later). */
  public Optional<long[]> mitigationVectors() {
    if (version() < 5) {
      return Optional.empty();
    }
    return Optional.of(new long[] {le.getLong(0x1F8), le.getLong(0x200)});
  }

  /** r (big-endian, 48 bytes) from the little-endian 72-byte field at 0x2A0. */
  public byte[] signatureR() {
    return reversed(0x2A0, 48);
  }

  /** s (big-endian, 48 bytes) from the little-endian 72-byte field at 0x2E8. */
  public byte[] signatureS() {
    return reversed(0x2E8, 48);
  }

  /**
   * The product line, from the CPUID fields (v3+). For v2 reports, a non-zero CHIP_ID whose
   * bytes 8..63 are zero indicates Turin; otherwise the line is undecidable from the report.
   */
  public Optional<SnpProductLine> productLineFromReport() {
    Optional<int[]> c = cpuid();
    if (c.isPresent()) {
      return SnpProductLine.fromCpuid(c.get()[0], c.get()[1]);
    }
    byte[] chip = chipId();
    if (!allZero(chip, 0, 8) && allZero(chip, 8, 64)) {
      return Optional.of(SnpProductLine.TURIN);
    }
    return Optional.empty();
  }

  private byte[] slice(int offset, int length) {
    return Arrays.copyOfRange(raw, offset, offset + length);
  }

  private byte[] reversed(int offset, int length) {
    byte[] out = new byte[length];
    for (int i = 0; i < length; i++) {
      out[i] = raw[offset + length - 1 - i];
    }
    return out;
  }

  static boolean allZero(byte[] b, int from, int to) {
    for (int i = from; i < to; i++) {
      if (b[i] != 0) {
        return false;
      }
    }
    return true;
  }
}
