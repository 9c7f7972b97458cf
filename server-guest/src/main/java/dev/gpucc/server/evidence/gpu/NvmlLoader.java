package dev.gpucc.server.evidence.gpu;

import com.sun.jna.Native;
import dev.gpucc.server.evidence.EvidenceProviderException;

/**
 * Loads libnvidia-ml through JNA. A machine without the NVIDIA driver gets a clear
 * EvidenceProviderException, never a silent fallback to simulated evidence.
 */
public final class NvmlLoader {
  /** Names tried in order: the linker name, then the SONAME that drivers always install. */
  private static final String[] NAMES = {"nvidia-ml", "libnvidia-ml.so.1"};

  private NvmlLoader() {}

  public static NvmlLibrary load() throws EvidenceProviderException {
    UnsatisfiedLinkError last = null;
    for (String name : NAMES) {
      try {
        return Native.load(name, NvmlLibrary.class);
      } catch (UnsatisfiedLinkError e) {
        last = e;
      }
    }
    throw new EvidenceProviderException(
        "NVML (libnvidia-ml.so.1) is not available on this machine: no NVIDIA driver is installed,"
            + " so no GPU evidence can be collected", last);
  }
}
