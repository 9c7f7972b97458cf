package dev.gpucc.attestation.snp.abi;

import java.util.ArrayList;
import java.util.List;

/** PLATFORM_INFO bits (evidence-formats §1.4). */
public record PlatformInfo(long raw) {
  /** Bit names by bit number; null for reserved bits. */
  static final String[] NAMES = {"SMT_EN", "TSME_EN", "ECC_EN", "RAPL_DIS", "CIPHERTEXT_HIDING_EN",
      "ALIAS_CHECK_COMPLETE", null, "TIO_EN"};

  public boolean isSet(String name) {
    for (int i = 0; i < NAMES.length; i++) {
      if (name.equals(NAMES[i])) {
        return ((raw >>> i) & 1) == 1;
      }
    }
    throw new IllegalArgumentException("unknown PLATFORM_INFO bit " + name);
  }

  public List<String> setNames() {
    List<String> out = new ArrayList<>();
    for (int i = 0; i < NAMES.length; i++) {
      if (NAMES[i] != null && ((raw >>> i) & 1) == 1) {
        out.add(NAMES[i]);
      }
    }
    return out;
  }

  @Override
  public String toString() {
    return String.format("0x%x %s", raw, setNames());
  }
}
