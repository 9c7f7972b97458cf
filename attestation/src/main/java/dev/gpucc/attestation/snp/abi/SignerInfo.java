package dev.gpucc.attestation.snp.abi;

/** The signer-info word at 0x48 (evidence-formats §1.5). */
public record SignerInfo(int raw) {
  /** Which key signed the report. */
  public enum SigningKey { VCEK, VLEK, NONE, RESERVED }

  public boolean authorKeyEnabled() {
    return (raw & 1) == 1;
  }

  public boolean maskChipKey() {
    return (raw & 2) == 2;
  }

  public SigningKey signingKey() {
    return switch ((raw >>> 2) & 7) {
      case 0 -> SigningKey.VCEK;
      case 1 -> SigningKey.VLEK;
      case 7 -> SigningKey.NONE;
      default -> SigningKey.RESERVED;
    };
  }
}
