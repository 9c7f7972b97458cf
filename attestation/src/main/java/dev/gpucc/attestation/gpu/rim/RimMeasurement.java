package dev.gpucc.attestation.gpu.rim;

import java.util.List;

/**
 * One {@code Resource type="Measurement"} of a RIM payload: 0-based index (SPDM index - 1),
 * whether it is active (compared), declared size and the golden alternatives
 * {@code Hash0..Hash{n-1}} (any one may match).
 */
public record RimMeasurement(int index, boolean active, int size, String name, List<byte[]> alternatives) {
  public RimMeasurement {
    alternatives = alternatives.stream().map(byte[]::clone).toList();
  }

  @Override
  public List<byte[]> alternatives() {
    return alternatives.stream().map(byte[]::clone).toList();
  }
}
