package dev.gpucc.attestation.gpu;

import dev.gpucc.attestation.gpu.rim.RimProvider;
import dev.gpucc.attestation.gpu.verify.OcspChecker;
import java.util.Objects;
import java.util.Optional;

/**
 * Where the GPU verifier may get collateral: RIMs and an OCSP checker. Immutable. The default,
 * {@link #offline()}, has neither: verification makes no network call and says so in its claims.
 */
public final class GpuCollateralSources {
  private static final GpuCollateralSources OFFLINE = new GpuCollateralSources(null, null);

  private final RimProvider rims;
  private final OcspChecker ocsp;

  private GpuCollateralSources(RimProvider rims, OcspChecker ocsp) {
    this.rims = rims;
    this.ocsp = ocsp;
  }

  public static GpuCollateralSources offline() {
    return OFFLINE;
  }

  public GpuCollateralSources withRims(RimProvider provider) {
    return new GpuCollateralSources(Objects.requireNonNull(provider, "provider"), ocsp);
  }

  public GpuCollateralSources withOcsp(OcspChecker checker) {
    return new GpuCollateralSources(rims, Objects.requireNonNull(checker, "checker"));
  }

  public Optional<RimProvider> rims() {
    return Optional.ofNullable(rims);
  }

  public Optional<OcspChecker> ocsp() {
    return Optional.ofNullable(ocsp);
  }
}
