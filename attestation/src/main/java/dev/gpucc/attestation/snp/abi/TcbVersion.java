package dev.gpucc.attestation.snp.abi;

/**
 * A TCB_VERSION: security patch levels of the firmware components (evidence-formats §1.6). The
 * byte layout differs between Milan/Genoa and Turin; {@code fmc} is 0 before Turin.
 */
public record TcbVersion(long raw, int bootloader, int tee, int snp, int microcode, int fmc) {

  public static TcbVersion decode(long raw, boolean turinLayout) {
    int b0 = (int) (raw & 0xff);
    int b1 = (int) ((raw >>> 8) & 0xff);
    int b2 = (int) ((raw >>> 16) & 0xff);
    int b3 = (int) ((raw >>> 24) & 0xff);
    int b6 = (int) ((raw >>> 48) & 0xff);
    int b7 = (int) ((raw >>> 56) & 0xff);
    if (turinLayout) {
      return new TcbVersion(raw, b1, b2, b3, b7, b0);
    }
    return new TcbVersion(raw, b0, b1, b6, b7, 0);
  }

  /** True when every component is at least the other's. */
  public boolean atLeast(int minBootloader, int minTee, int minSnp, int minMicrocode, int minFmc) {
    return bootloader >= minBootloader && tee >= minTee && snp >= minSnp && microcode >= minMicrocode && fmc >= minFmc;
  }

  @Override
  public String toString() {
    return "bl=" + bootloader + " tee=" + tee + " snp=" + snp + " ucode=" + microcode + (fmc != 0 ? " fmc=" + fmc : "");
  }
}
