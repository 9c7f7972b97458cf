package dev.gpucc.attestation.snp.abi;

/** The guest POLICY field (evidence-formats §1.3). */
public record GuestPolicy(long raw) {
  public int abiMinor() {
    return (int) (raw & 0xff);
  }

  public int abiMajor() {
    return (int) ((raw >>> 8) & 0xff);
  }

  public boolean smt() {
    return bit(16);
  }

  /** Bit 17 is reserved and must be 1. */
  public boolean reservedOne() {
    return bit(17);
  }

  public boolean migrateMa() {
    return bit(18);
  }

  public boolean debug() {
    return bit(19);
  }

  public boolean singleSocket() {
    return bit(20);
  }

  public boolean cxlAllow() {
    return bit(21);
  }

  public boolean memAes256Xts() {
    return bit(22);
  }

  public boolean raplDis() {
    return bit(23);
  }

  public boolean ciphertextHiding() {
    return bit(24);
  }

  public boolean pageSwapDisable() {
    return bit(25);
  }

  private boolean bit(int n) {
    return ((raw >>> n) & 1) == 1;
  }

  @Override
  public String toString() {
    return String.format("0x%x (debug=%s smt=%s migrate_ma=%s single_socket=%s)", raw, debug(), smt(), migrateMa(), singleSocket());
  }
}
