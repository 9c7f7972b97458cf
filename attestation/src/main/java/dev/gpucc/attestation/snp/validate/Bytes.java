package dev.gpucc.attestation.snp.validate;

import dev.gpucc.attestation.Digests;
import dev.gpucc.attestation.Hex;
import dev.gpucc.attestation.Reason;
import java.util.List;
import java.util.Optional;

/** Hex policy values compared with report bytes, in constant time. */
final class Bytes {
  private Bytes() {}

  /** Adds a violation unless {@code actual} equals one of {@code allowedHex} (no-op if empty). */
  static void oneOf(
      List<Reason> out, String field, String code, byte[] actual, List<String> allowedHex, int len) {
    if (allowedHex.isEmpty()) {
      return;
    }
    boolean match = false;
    for (String hex : allowedHex) {
      Optional<byte[]> want = decode(out, field, hex);
      if (want.isEmpty()) {
        return;
      }
      if (want.get().length != len) {
        out.add(new Reason("SNP_POLICY_INVALID",
            field + ": policy value must be " + len + " bytes, got " + want.get().length + " ('" + hex + "')"));
        return;
      }
      match |= Digests.equal(want.get(), actual);
    }
    if (!match) {
      String expected = allowedHex.size() == 1 ? allowedHex.get(0).toLowerCase(java.util.Locale.ROOT)
          : "one of " + allowedHex;
      out.add(new Reason(code, field + ": expected " + expected + ", got " + Hex.encode(actual)));
    }
  }

  static Optional<byte[]> decode(List<Reason> out, String field, String hex) {
    try {
      return Optional.of(Hex.decode(hex));
    } catch (IllegalArgumentException e) {
      out.add(new Reason("SNP_POLICY_INVALID", field + ": policy value is not hex: " + e.getMessage()));
      return Optional.empty();
    }
  }
}
