package dev.gpucc.attestation.snp.abi;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.OptionalInt;

/**
 * PLATFORM_INFO (report offset 0x40, u64 LE), evidence-formats §1.4. Bit names are the ones
 * policies use ({@code platform_info_required} / {@code platform_info_forbidden}).
 */
public record PlatformInfo(long raw) {
  private static final String[] NAMES = {
    "SMT_EN", "TSME_EN", "ECC_EN", "RAPL_DIS", "CIPHERTEXT_HIDING_EN", "ALIAS_CHECK_COMPLETE",
    null, "TIO_EN"
  };

  public boolean bit(int n) {
    return ((raw >>> n) & 1L) != 0;
  }

  /** Bit number of a named flag, or empty for an unknown name. */
  public static OptionalInt bitOf(String name) {
    String n = name.toUpperCase(Locale.ROOT);
    for (int i = 0; i < NAMES.length; i++) {
      if (n.equals(NAMES[i])) {
        return OptionalInt.of(i);
      }
    }
    return OptionalInt.empty();
  }

  /** Names of the set, known bits (unknown set bits shown as BIT_n). */
  public List<String> setFlags() {
    List<String> out = new ArrayList<>();
    for (int i = 0; i < 64; i++) {
      if (bit(i)) {
        out.add(i < NAMES.length && NAMES[i] != null ? NAMES[i] : "BIT_" + i);
      }
    }
    return out;
  }

  public String describe() {
    return "0x" + Long.toHexString(raw) + " " + setFlags();
  }
}
