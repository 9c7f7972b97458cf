package dev.gpucc.attestation.snp.abi;

/**
 * The guest POLICY (report offset 0x08, u64 LE), evidence-formats §1.3 / SNP ABI "Guest Policy".
 * Decoding only; which values are acceptable is the validator's business.
 */
public record GuestPolicy(long raw) {
  public static final int BIT_SMT = 16;
  public static final int BIT_RESERVED_ONE = 17;
  public static final int BIT_MIGRATE_MA = 18;
  public static final int BIT_DEBUG = 19;
  public static final int BIT_SINGLE_SOCKET = 20;
  public static final int BIT_CXL_ALLOW = 21;
  public static final int BIT_MEM_AES_256_XTS = 22;
  public static final int BIT_RAPL_DIS = 23;
  public static final int BIT_CIPHERTEXT_HIDING = 24;
  public static final int BIT_PAGE_SWAP_DISABLE = 25;
  /** Bits 63:26 are reserved and must be zero. */
  public static final long MBZ_MASK = ~((1L << 26) - 1);

  public int abiMinor() {
    return (int) (raw & 0xFF);
  }

  public int abiMajor() {
    return (int) ((raw >>> 8) & 0xFF);
  }

  public boolean bit(int n) {
    return ((raw >>> n) & 1L) != 0;
  }

  public boolean smt() {
    return bit(BIT_SMT);
  }

  /** Bit 17 is reserved and must be one. */
  public boolean reservedOne() {
    return bit(BIT_RESERVED_ONE);
  }

  public boolean migrateMa() {
    return bit(BIT_MIGRATE_MA);
  }

  public boolean debug() {
    return bit(BIT_DEBUG);
  }

  public boolean singleSocket() {
    return bit(BIT_SINGLE_SOCKET);
  }

  public boolean cxlAllow() {
    return bit(BIT_CXL_ALLOW);
  }

  public boolean memAes256Xts() {
    return bit(BIT_MEM_AES_256_XTS);
  }

  public boolean raplDis() {
    return bit(BIT_RAPL_DIS);
  }

  public boolean ciphertextHiding() {
    return bit(BIT_CIPHERTEXT_HIDING);
  }

  public boolean pageSwapDisable() {
    return bit(BIT_PAGE_SWAP_DISABLE);
  }

  public long reservedBits() {
    return raw & MBZ_MASK;
  }

  /** "0x30000 (abi 0.0, smt=1, migrate_ma=0, debug=0, single_socket=0)". */
  public String describe() {
    return "0x" + Long.toHexString(raw) + " (abi " + abiMajor() + "." + abiMinor()
        + ", smt=" + b(smt()) + ", migrate_ma=" + b(migrateMa()) + ", debug=" + b(debug())
        + ", single_socket=" + b(singleSocket()) + ")";
  }

  private static String b(boolean v) {
    return v ? "1" : "0";
  }
}
