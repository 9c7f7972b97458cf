package dev.gpucc.attestation.snp.abi;

import dev.gpucc.attestation.EvidenceFormatException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * An SEV-SNP ATTESTATION_REPORT (AMD SEV-SNP ABI spec, "ATTESTATION_REPORT Structure";
 * evidence-formats §1.2), parsed into an immutable value. The raw 1184 bytes are kept: the
 * signature is verified over {@link #signedBytes()} exactly as received, never over a
 * re-encoding.
 *
 * <p>Format errors ({@link EvidenceFormatException}) are raised only where rejecting is safe:
 * wrong size, an unknown version, an unsupported SIGNATURE_ALGO, and non-zero bytes in the
 * unsigned part (the 368-byte signature reserved area and the unused high bytes of R and S),
 * which no genuine report carries and which would make the report malleable. Non-zero reserved
 * bytes inside the signed region are not errors (newer firmware may populate them, §1.12); they
 * are listed by {@link #nonZeroReservedFields()} for the verifier to warn about.
 */
public final class SnpReport {
  public static final int SIZE = 0x4A0;
  public static final int SIGNED_LENGTH = 0x2A0;
  public static final int SIG_R_OFFSET = 0x2A0;
  public static final int SIG_S_OFFSET = 0x2E8;
  public static final int SIG_COMPONENT_SIZE = 72;
  /** Only the low 48 bytes (P-384) of each 72-byte little-endian component are significant. */
  public static final int SIG_SIGNIFICANT = 48;
  public static final int SIG_RESERVED_OFFSET = 0x330;
  public static final int MIN_VERSION = 2;
  public static final int MAX_VERSION = 5;
  public static final int SIGNATURE_ALGO_ECDSA_P384_SHA384 = 1;

  private final byte[] raw;
  private final List<String> nonZeroReserved;

  private SnpReport(byte[] raw, List<String> nonZeroReserved) {
    this.raw = raw;
    this.nonZeroReserved = List.copyOf(nonZeroReserved);
  }

  /**
   * Parses a report.
   *
   * @throws EvidenceFormatException SNP_REPORT_SIZE, SNP_REPORT_VERSION, SNP_SIGNATURE_ALGO,
   *     SNP_REPORT_RESERVED (non-zero unsigned bytes)
   */
  public static SnpReport parse(byte[] bytes) throws EvidenceFormatException {
    if (bytes == null || bytes.length != SIZE) {
      throw new EvidenceFormatException(
          "SNP_REPORT_SIZE",
          "SNP report length: expected " + SIZE + " bytes, got " + (bytes == null ? 0 : bytes.length));
    }
    byte[] raw = bytes.clone();
    ByteBuffer bb = ByteBuffer.wrap(raw).order(ByteOrder.LITTLE_ENDIAN);
    int version = bb.getInt(0x000);
    if (version < MIN_VERSION || version > MAX_VERSION) {
      throw new EvidenceFormatException(
          "SNP_REPORT_VERSION",
          "SNP report VERSION: expected " + MIN_VERSION + ".." + MAX_VERSION + ", got "
              + Integer.toUnsignedString(version));
    }
    int algo = bb.getInt(0x034);
    if (algo != SIGNATURE_ALGO_ECDSA_P384_SHA384) {
      throw new EvidenceFormatException(
          "SNP_SIGNATURE_ALGO",
          "SNP report SIGNATURE_ALGO: expected 1 (ECDSA P-384 with SHA-384), got "
              + Integer.toUnsignedString(algo));
    }
    requireZero(raw, SIG_R_OFFSET + SIG_SIGNIFICANT, SIG_COMPONENT_SIZE - SIG_SIGNIFICANT, "SIGNATURE.R high bytes");
    requireZero(raw, SIG_S_OFFSET + SIG_SIGNIFICANT, SIG_COMPONENT_SIZE - SIG_SIGNIFICANT, "SIGNATURE.S high bytes");
    requireZero(raw, SIG_RESERVED_OFFSET, SIZE - SIG_RESERVED_OFFSET, "SIGNATURE reserved area");
    return new SnpReport(raw, signedReservedNonZero(raw, version));
  }

  private static void requireZero(byte[] raw, int off, int len, String what)
      throws EvidenceFormatException {
    if (!isZero(raw, off, len)) {
      throw new EvidenceFormatException(
          "SNP_REPORT_RESERVED",
          "SNP report " + what + " [0x" + Integer.toHexString(off) + ", 0x"
              + Integer.toHexString(off + len) + ") must be zero (outside the signed region)");
    }
  }

  private static List<String> signedReservedNonZero(byte[] raw, int version) {
    List<String> out = new ArrayList<>();
    check(raw, 0x04C, 4, "reserved@0x04C", out);
    if (version >= 3) {
      check(raw, 0x18B, 21, "reserved@0x18B", out);
    } else {
      check(raw, 0x188, 24, "reserved@0x188", out);
    }
    check(raw, 0x1EB, 1, "reserved@0x1EB", out);
    check(raw, 0x1EF, 1, "reserved@0x1EF", out);
    if (version >= 5) {
      check(raw, 0x208, 0x2A0 - 0x208, "reserved@0x208", out);
    } else {
      check(raw, 0x1F8, 0x2A0 - 0x1F8, "reserved@0x1F8", out);
    }
    return out;
  }

  private static void check(byte[] raw, int off, int len, String name, List<String> out) {
    if (!isZero(raw, off, len)) {
      out.add(name);
    }
  }

  static boolean isZero(byte[] b, int off, int len) {
    int acc = 0;
    for (int i = off; i < off + len; i++) {
      acc |= b[i];
    }
    return acc == 0;
  }

  private int u32(int off) {
    return ByteBuffer.wrap(raw).order(ByteOrder.LITTLE_ENDIAN).getInt(off);
  }

  private long u64(int off) {
    return ByteBuffer.wrap(raw).order(ByteOrder.LITTLE_ENDIAN).getLong(off);
  }

  private byte[] slice(int off, int len) {
    return Arrays.copyOfRange(raw, off, off + len);
  }

  private int u8(int off) {
    return raw[off] & 0xFF;
  }

  /** The whole report as received. */
  public byte[] raw() {
    return raw.clone();
  }

  /** Bytes [0, 0x2A0): what the ECDSA signature covers. */
  public byte[] signedBytes() {
    return slice(0, SIGNED_LENGTH);
  }

  public int version() {
    return u32(0x000);
  }

  /** GUEST_SVN, unsigned 32-bit. */
  public long guestSvn() {
    return Integer.toUnsignedLong(u32(0x004));
  }

  public GuestPolicy policy() {
    return new GuestPolicy(u64(0x008));
  }

  public byte[] familyId() {
    return slice(0x010, 16);
  }

  public byte[] imageId() {
    return slice(0x020, 16);
  }

  public long vmpl() {
    return Integer.toUnsignedLong(u32(0x030));
  }

  public int signatureAlgo() {
    return u32(0x034);
  }

  public TcbVersion currentTcb() {
    return TcbVersion.ofRaw(slice(0x038, 8));
  }

  public PlatformInfo platformInfo() {
    return new PlatformInfo(u64(0x040));
  }

  public SignerInfo signerInfo() {
    return new SignerInfo(u32(0x048));
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

  public TcbVersion reportedTcb() {
    return TcbVersion.ofRaw(slice(0x180, 8));
  }

  /** CPUID family/model/stepping (report version 3 and later; empty for version 2). */
  public Optional<Cpuid> cpuid() {
    if (version() < 3) {
      return Optional.empty();
    }
    return Optional.of(new Cpuid(u8(0x188), u8(0x189), u8(0x18A)));
  }

  public byte[] chipId() {
    return slice(0x1A0, 64);
  }

  public boolean chipIdMasked() {
    return isZero(raw, 0x1A0, 64);
  }

  public TcbVersion committedTcb() {
    return TcbVersion.ofRaw(slice(0x1E0, 8));
  }

  public FirmwareVersion currentFirmware() {
    return new FirmwareVersion(u8(0x1EA), u8(0x1E9), u8(0x1E8));
  }

  public FirmwareVersion committedFirmware() {
    return new FirmwareVersion(u8(0x1EE), u8(0x1ED), u8(0x1EC));
  }

  public TcbVersion launchTcb() {
    return TcbVersion.ofRaw(slice(0x1F0, 8));
  }

  /** LAUNCH_MIT_VECTOR (version 5 and later). */
  public Optional<Long> launchMitVector() {
    return version() >= 5 ? Optional.of(u64(0x1F8)) : Optional.empty();
  }

  /** CURRENT_MIT_VECTOR (version 5 and later). */
  public Optional<Long> currentMitVector() {
    return version() >= 5 ? Optional.of(u64(0x200)) : Optional.empty();
  }

  /** R as a 72-byte little-endian field, as stored. */
  public byte[] signatureR() {
    return slice(SIG_R_OFFSET, SIG_COMPONENT_SIZE);
  }

  /** S as a 72-byte little-endian field, as stored. */
  public byte[] signatureS() {
    return slice(SIG_S_OFFSET, SIG_COMPONENT_SIZE);
  }

  /** Names of reserved fields inside the signed region that are not zero (for warnings). */
  public List<String> nonZeroReservedFields() {
    return nonZeroReserved;
  }

  /** Product line from CPUID (version 3 and later), if the family/model are known. */
  public Optional<SnpProductLine> productLineFromCpuid() {
    return cpuid().flatMap(c -> SnpProductLine.fromCpuid(c.family(), c.model()));
  }

  /** CPUID_FAM_ID, CPUID_MOD_ID, CPUID_STEP. */
  public record Cpuid(int family, int model, int stepping) {
    @Override
    public String toString() {
      return String.format("family=0x%02x model=0x%02x stepping=0x%02x", family, model, stepping);
    }
  }

  /** Firmware version major.minor build. */
  public record FirmwareVersion(int major, int minor, int build) {
    @Override
    public String toString() {
      return major + "." + minor + " build " + build;
    }
  }
}
