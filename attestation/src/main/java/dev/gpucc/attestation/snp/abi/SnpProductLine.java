package dev.gpucc.attestation.snp.abi;

import java.util.Locale;
import java.util.Optional;

/**
 * AMD EPYC product lines as AMD's Key Distribution Service names them. The product line fixes
 * the TCB_VERSION byte layout (evidence-formats §1.6), the KDS URL form (§1.10) and which pinned
 * ARK/ASK/ASVK apply (§1.8).
 */
public enum SnpProductLine {
  MILAN("Milan", TcbLayout.MILAN_GENOA),
  GENOA("Genoa", TcbLayout.MILAN_GENOA),
  TURIN("Turin", TcbLayout.TURIN);

  private final String kdsName;
  private final TcbLayout tcbLayout;

  SnpProductLine(String kdsName, TcbLayout tcbLayout) {
    this.kdsName = kdsName;
    this.tcbLayout = tcbLayout;
  }

  /** The name in KDS URLs and certificate CNs: "Milan", "Genoa", "Turin". */
  public String kdsName() {
    return kdsName;
  }

  public TcbLayout tcbLayout() {
    return tcbLayout;
  }

  /**
   * Product line from the report's CPUID_FAM_ID / CPUID_MOD_ID (report version 3 and later),
   * following the table in evidence-formats §1.6 (virtee {@code Generation::identify_cpu}).
   * Venice is not supported (its ranges are unverified), so it yields empty.
   */
  public static Optional<SnpProductLine> fromCpuid(int family, int model) {
    if (family == 0x19) {
      if (model <= 0x0F) {
        return Optional.of(MILAN);
      }
      if ((model >= 0x10 && model <= 0x1F) || (model >= 0xA0 && model <= 0xAF)) {
        return Optional.of(GENOA);
      }
    } else if (family == 0x1A && model <= 0x11) {
      return Optional.of(TURIN);
    }
    return Optional.empty();
  }

  /**
   * Product line from a VCEK/VLEK productName extension ("Milan-B0", "Milan", "Genoa",
   * "Turin"): the part before the first '-' (the rest is the stepping).
   */
  public static Optional<SnpProductLine> fromProductName(String productName) {
    String base = productName;
    int dash = base.indexOf('-');
    if (dash >= 0) {
      base = base.substring(0, dash);
    }
    for (SnpProductLine p : values()) {
      if (p.kdsName.toLowerCase(Locale.ROOT).equals(base.toLowerCase(Locale.ROOT))) {
        return Optional.of(p);
      }
    }
    return Optional.empty();
  }

  /** Parses "milan", "Genoa", "TURIN". */
  public static Optional<SnpProductLine> fromName(String name) {
    for (SnpProductLine p : values()) {
      if (p.kdsName.equalsIgnoreCase(name) || p.name().equalsIgnoreCase(name)) {
        return Optional.of(p);
      }
    }
    return Optional.empty();
  }
}
