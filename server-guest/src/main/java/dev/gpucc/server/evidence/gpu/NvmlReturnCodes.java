package dev.gpucc.server.evidence.gpu;

import dev.gpucc.server.evidence.EvidenceProviderException;
import java.util.Map;

/**
 * The one table that turns an {@code nvmlReturn_t} into a message (values from NVIDIA's nvml.h,
 * "nvmlReturn_t"; https://docs.nvidia.com/deploy/nvml-api/group__nvmlDeviceEnumvs.html).
 */
public final class NvmlReturnCodes {
  public static final int SUCCESS = 0;
  public static final int NOT_SUPPORTED = 3;
  public static final int NO_PERMISSION = 4;
  public static final int INSUFFICIENT_SIZE = 7;

  private static final Map<Integer, String[]> TABLE = Map.ofEntries(
      e(0, "NVML_SUCCESS", "success"),
      e(1, "NVML_ERROR_UNINITIALIZED", "NVML was not initialized (nvmlInit_v2 not called)"),
      e(2, "NVML_ERROR_INVALID_ARGUMENT", "an argument is invalid"),
      e(3, "NVML_ERROR_NOT_SUPPORTED", "not supported by this GPU or driver (is the GPU in confidential-computing mode?)"),
      e(4, "NVML_ERROR_NO_PERMISSION", "permission denied (this call needs root)"),
      e(5, "NVML_ERROR_ALREADY_INITIALIZED", "already initialized"),
      e(6, "NVML_ERROR_NOT_FOUND", "object not found"),
      e(7, "NVML_ERROR_INSUFFICIENT_SIZE", "buffer too small"),
      e(8, "NVML_ERROR_INSUFFICIENT_POWER", "insufficient power"),
      e(9, "NVML_ERROR_DRIVER_NOT_LOADED", "the NVIDIA kernel driver is not loaded"),
      e(10, "NVML_ERROR_TIMEOUT", "timeout"),
      e(11, "NVML_ERROR_IRQ_ISSUE", "interrupt problem with the GPU"),
      e(12, "NVML_ERROR_LIBRARY_NOT_FOUND", "a library NVML needs was not found"),
      e(13, "NVML_ERROR_FUNCTION_NOT_FOUND", "function not in this driver version (confidential computing needs driver >= 535)"),
      e(14, "NVML_ERROR_CORRUPTED_INFOROM", "the GPU's infoROM is corrupted"),
      e(15, "NVML_ERROR_GPU_IS_LOST", "the GPU fell off the bus or is otherwise inaccessible"),
      e(16, "NVML_ERROR_RESET_REQUIRED", "the GPU needs a reset"),
      e(17, "NVML_ERROR_OPERATING_SYSTEM", "blocked by the operating system or cgroups"),
      e(18, "NVML_ERROR_LIB_RM_VERSION_MISMATCH", "libnvidia-ml and the kernel driver versions differ"),
      e(19, "NVML_ERROR_IN_USE", "the GPU is in use"),
      e(20, "NVML_ERROR_MEMORY", "out of memory"),
      e(21, "NVML_ERROR_NO_DATA", "no data"),
      e(22, "NVML_ERROR_VGPU_ECC_NOT_SUPPORTED", "not available on vGPU with ECC enabled"),
      e(23, "NVML_ERROR_INSUFFICIENT_RESOURCES", "insufficient resources"),
      e(24, "NVML_ERROR_FREQ_NOT_SUPPORTED", "frequency not supported"),
      e(25, "NVML_ERROR_ARGUMENT_VERSION_MISMATCH", "struct version not supported by this driver"),
      e(26, "NVML_ERROR_DEPRECATED", "deprecated"),
      e(27, "NVML_ERROR_NOT_READY", "the system is not ready"),
      e(28, "NVML_ERROR_GPU_NOT_FOUND", "no GPUs were found"),
      e(29, "NVML_ERROR_INVALID_STATE", "resource not in the right state"),
      e(999, "NVML_ERROR_UNKNOWN", "internal driver error"));

  private NvmlReturnCodes() {}

  private static Map.Entry<Integer, String[]> e(int code, String name, String meaning) {
    return Map.entry(code, new String[] {name, meaning});
  }

  /** "NVML_ERROR_NOT_SUPPORTED (3): not supported ..." for any code, known or not. */
  public static String describe(int code) {
    String[] d = TABLE.get(code);
    return d == null ? "unknown NVML return code " + code : d[0] + " (" + code + "): " + d[1];
  }

  /** Throws a clear EvidenceProviderException unless {@code code} is NVML_SUCCESS. */
  public static void check(int code, String call) throws EvidenceProviderException {
    if (code != SUCCESS) {
      throw new EvidenceProviderException(call + " failed: " + describe(code));
    }
  }
}
