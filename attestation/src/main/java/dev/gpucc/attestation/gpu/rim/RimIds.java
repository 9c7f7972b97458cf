package dev.gpucc.attestation.gpu.rim;

import dev.gpucc.attestation.gpu.spdm.OpaqueData;
import java.util.Locale;
import java.util.Optional;

/**
 * NVIDIA RIM identifiers derived from the signed opaque data (evidence-formats §4.8): driver
 * (Hopper) {@code NV_GPU_DRIVER_GH100_{driverVersion}} and VBIOS
 * {@code NV_GPU_VBIOS_{PROJECT}_{PROJECT_SKU}_{CHIP_SKU}_{VBIOS without dots}}, upper-cased.
 */
public record RimIds(
    String driverVersion, String vbiosVersion, Optional<String> driverId, Optional<String> vbiosId) {

  public static RimIds from(OpaqueData opaque) {
    String driver = opaque.driverVersion().orElse("");
    String vbios = opaque.vbiosVersion().orElse("");
    Optional<String> driverId =
        driver.isEmpty() ? Optional.empty() : Optional.of("NV_GPU_DRIVER_GH100_" + driver);
    Optional<String> vbiosId = Optional.empty();
    if (!vbios.isEmpty()
        && opaque.project().isPresent()
        && opaque.projectSku().isPresent()
        && opaque.chipSku().isPresent()) {
      vbiosId =
          Optional.of(
              ("NV_GPU_VBIOS_" + opaque.project().get() + "_" + opaque.projectSku().get() + "_"
                      + opaque.chipSku().get() + "_" + vbios.replace(".", ""))
                  .toUpperCase(Locale.ROOT));
    }
    return new RimIds(driver, vbios, driverId, vbiosId);
  }
}
