package dev.gpucc.attestation.snp.abi;

import java.util.Optional;

/**
 * AMD EPYC product lines as the Key Distribution Service names them. The line decides the
 * TCB_VERSION layout and which ARK/ASK may sign (evidence-formats §1.6).
 */
public enum SnpProductLine {
  MILAN("Milan", false),
  GENOA("Genoa", false),
  TURIN("Turin", true);

  private final String kdsName;
  private final boolean turinTcbLayout;

  SnpProductLine(String kdsName, boolean turinTcbLayout) {
    this.kdsName = kdsName;
    this.turinTcbLayout = turinTcbLayout;
  }

  /** Name used in KDS URLs and certificate subjects ("Milan"). */
  public String kdsName() {
    return kdsName;
  }

  public boolean turinTcbLayout() {
    return turinTcbLayout;
  }

  /** From the report's CPUID family/model (v3+); empty when unknown. */
  public static Optional<SnpProductLine> fromCpuid(int family, int model) {
    if (family == 0x19 && model <= 0x0F) {
      return Optional.of(MILAN);
    }
    if (family == 0x19 && ((model >= 0x10 && model <= 0x1F) || (model >= 0xA0 && model <= 0xAF))) {
      return Optional.of(GENOA);
    }
    if (family == 0x1A && model <= 0x11) {
      return Optional.of(TURIN);
    }
    return Optional.empty();
  }

  /** From a VCEK/VLEK productName extension ("Milan-B0", "Genoa", "Turin"). */
  public static Optional<SnpProductLine> fromProductName(String productName) {
    for (SnpProductLine p : values()) {
      if (productName.equals(p.kdsName) || productName.startsWith(p.kdsName + "-")) {
        return Optional.of(p);
      }
    }
    return Optional.empty();
  }
}
