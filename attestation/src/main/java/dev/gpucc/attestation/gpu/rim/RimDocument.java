package dev.gpucc.attestation.gpu.rim;

import java.util.List;

/**
 * A parsed NVIDIA RIM: an ISO/IEC 19770-2:2015 SWID tag with TCG RIM attributes in {@code Meta}
 * (evidence-formats §4.8). Only what the comparison needs: the tag id, product, the
 * {@code colloquialVersion} (driver "545.00" or VBIOS "96.00.5E.00.01") and the measurements.
 * Immutable. The signature is checked separately by {@link RimSignatureVerifier}.
 */
public record RimDocument(
    String tagId, String product, String colloquialVersion, List<RimMeasurement> measurements) {
  public RimDocument {
    measurements = List.copyOf(measurements);
  }

  public List<RimMeasurement> active() {
    return measurements.stream().filter(RimMeasurement::active).toList();
  }

  /** A VBIOS RIM's version has five dot-separated hex groups (96.00.5E.00.01). */
  public boolean looksLikeVbios() {
    return colloquialVersion.matches("(?i)[0-9a-f]{2}(\\.[0-9a-f]{2}){4}");
  }
}
