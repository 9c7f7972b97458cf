package dev.gpucc.attestation.snp.abi;

/**
 * The signer info word (report offset 0x48, u32 LE), evidence-formats §1.5: AUTHOR_KEY_EN (bit 0),
 * MASK_CHIP_KEY (bit 1), SIGNING_KEY (bits 4:2: 0 VCEK, 1 VLEK, 7 none).
 */
public record SignerInfo(int raw) {
  public static final int SIGNING_KEY_VCEK = 0;
  public static final int SIGNING_KEY_VLEK = 1;
  public static final int SIGNING_KEY_NONE = 7;

  public boolean authorKeyEnabled() {
    return (raw & 1) != 0;
  }

  public boolean maskChipKey() {
    return (raw & 2) != 0;
  }

  public int signingKey() {
    return (raw >>> 2) & 7;
  }

  /** Bits 31:5, must be zero. */
  public int reservedBits() {
    return raw & ~0x1F;
  }

  /** "VCEK", "VLEK", "NONE" or "RESERVED(n)". */
  public String signingKeyName() {
    switch (signingKey()) {
      case SIGNING_KEY_VCEK:
        return "VCEK";
      case SIGNING_KEY_VLEK:
        return "VLEK";
      case SIGNING_KEY_NONE:
        return "NONE";
      default:
        return "RESERVED(" + signingKey() + ")";
    }
  }
}
