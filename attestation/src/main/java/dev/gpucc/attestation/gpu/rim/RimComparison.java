package dev.gpucc.attestation.gpu.rim;

import java.util.List;

/**
 * Result of comparing runtime measurements with golden values: how many active entries of each
 * RIM were compared, which indices were skipped (and why), and every mismatch.
 */
public record RimComparison(
    int driverActive, int driverCompared, int vbiosActive, int vbiosCompared,
    List<String> skipped, List<Mismatch> mismatches) {

  /** One active golden index (0-based, RIM numbering) whose runtime value differs. */
  public record Mismatch(String rim, int rimIndex, String detail) {}

  public RimComparison {
    skipped = List.copyOf(skipped);
    mismatches = List.copyOf(mismatches);
  }

  public boolean matches() {
    return mismatches.isEmpty();
  }

  public List<Integer> mismatchIndices() {
    return mismatches.stream().map(Mismatch::rimIndex).sorted().toList();
  }
}
