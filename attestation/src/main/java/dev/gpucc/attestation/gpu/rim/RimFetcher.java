package dev.gpucc.attestation.gpu.rim;

import java.io.IOException;
import java.util.Optional;

/**
 * Gets one RIM document by NVIDIA RIM id (e.g. {@code NV_GPU_DRIVER_GH100_550.90.07}). Empty when
 * the source has no such RIM; IOException when the source could not be asked. Implementations:
 * {@link DirectoryRimFetcher}, {@link NvidiaRimServiceFetcher} (HTTP, only when configured),
 * {@link CachingRimFetcher}.
 */
public interface RimFetcher {
  Optional<byte[]> fetch(String rimId) throws IOException;

  /** RIM ids are letters, digits, '_', '.', '-' only: safe as file names and URL path segments. */
  static String checkId(String rimId) {
    if (!rimId.matches("[A-Za-z0-9_.\\-]{1,200}") || rimId.contains("..")) {
      throw new IllegalArgumentException("not a RIM id: " + rimId);
    }
    return rimId;
  }
}
