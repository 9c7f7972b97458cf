package dev.gpucc.server.exec.cuda;

import dev.gpucc.server.exec.ExecutionException;
import dev.gpucc.server.exec.ExecutionException.Kind;
import java.util.Map;

/**
 * The one place where CUDA driver API result codes become {@link ExecutionException}s.
 *
 * <p>Codes, names and meanings are those of the {@code CUresult} enum in the CUDA Driver API
 * reference (https://docs.nvidia.com/cuda/cuda-driver-api/group__CUDA__TYPES.html, "enum
 * CUresult"). A <em>sticky</em> error leaves the context unusable: every later call in it fails
 * the same way, so the executor resets the device's context after one (see {@link #isSticky}).
 * Codes not in the table keep their name and take the kind the caller gives for its phase.
 */
public final class CudaErrors {
  /** How one code is reported. */
  record Described(String name, Kind kind, boolean sticky, String meaning) {}

  static final int CUDA_SUCCESS = 0;
  static final int CUDA_ERROR_NOT_READY = 600;

  private static final Map<Integer, Described> TABLE = Map.ofEntries(
      e(1, "CUDA_ERROR_INVALID_VALUE", null, false, "a parameter is out of range"),
      e(2, "CUDA_ERROR_OUT_OF_MEMORY", Kind.RESOURCE_EXHAUSTED, false, "the device is out of memory"),
      e(3, "CUDA_ERROR_NOT_INITIALIZED", Kind.DEVICE_ERROR, false, "the driver is not initialized"),
      e(4, "CUDA_ERROR_DEINITIALIZED", Kind.DEVICE_ERROR, false, "the driver is shutting down"),
      e(46, "CUDA_ERROR_DEVICE_UNAVAILABLE", Kind.DEVICE_ERROR, false,
          "the devices are busy or unavailable (compute mode)"),
      e(100, "CUDA_ERROR_NO_DEVICE", Kind.DEVICE_ERROR, false, "no CUDA-capable device"),
      e(101, "CUDA_ERROR_INVALID_DEVICE", Kind.DEVICE_ERROR, false, "invalid device ordinal"),
      e(200, "CUDA_ERROR_INVALID_IMAGE", Kind.KERNEL_FAILED, false, "the kernel image is invalid"),
      e(201, "CUDA_ERROR_INVALID_CONTEXT", Kind.DEVICE_ERROR, false, "no valid context is current"),
      e(209, "CUDA_ERROR_NO_BINARY_FOR_GPU", Kind.KERNEL_FAILED, false,
          "the module has no code for this GPU"),
      e(214, "CUDA_ERROR_ECC_UNCORRECTABLE", Kind.DEVICE_ERROR, true,
          "an uncorrectable ECC error was detected"),
      e(218, "CUDA_ERROR_INVALID_PTX", Kind.KERNEL_FAILED, false, "PTX JIT compilation failed"),
      e(221, "CUDA_ERROR_JIT_COMPILER_NOT_FOUND", Kind.DEVICE_ERROR, false,
          "the driver's PTX JIT compiler is not available"),
      e(222, "CUDA_ERROR_UNSUPPORTED_PTX_VERSION", Kind.KERNEL_FAILED, false,
          "the PTX ISA version is newer than this driver supports"),
      e(300, "CUDA_ERROR_INVALID_SOURCE", Kind.KERNEL_FAILED, false, "the PTX source is invalid"),
      e(400, "CUDA_ERROR_INVALID_HANDLE", null, false, "a handle is invalid"),
      e(500, "CUDA_ERROR_NOT_FOUND", Kind.KERNEL_FAILED, false,
          "the named symbol (kernel entry) was not found"),
      e(700, "CUDA_ERROR_ILLEGAL_ADDRESS", Kind.KERNEL_FAILED, true,
          "the kernel accessed an illegal memory address (out of bounds)"),
      e(701, "CUDA_ERROR_LAUNCH_OUT_OF_RESOURCES", Kind.KERNEL_FAILED, false,
          "too many registers or too much shared memory for this block size"),
      e(702, "CUDA_ERROR_LAUNCH_TIMEOUT", Kind.KERNEL_FAILED, true,
          "the kernel ran past the device's watchdog time limit"),
      e(710, "CUDA_ERROR_ASSERT", Kind.KERNEL_FAILED, true, "a device-side assert failed"),
      e(714, "CUDA_ERROR_HARDWARE_STACK_ERROR", Kind.KERNEL_FAILED, true,
          "the kernel corrupted its stack or overflowed the call stack"),
      e(715, "CUDA_ERROR_ILLEGAL_INSTRUCTION", Kind.KERNEL_FAILED, true,
          "the kernel executed an illegal instruction"),
      e(716, "CUDA_ERROR_MISALIGNED_ADDRESS", Kind.KERNEL_FAILED, true,
          "the kernel accessed a misaligned memory address"),
      e(717, "CUDA_ERROR_INVALID_ADDRESS_SPACE", Kind.KERNEL_FAILED, true,
          "the kernel used an address in the wrong address space"),
      e(718, "CUDA_ERROR_INVALID_PC", Kind.KERNEL_FAILED, true,
          "the kernel's program counter became invalid"),
      e(719, "CUDA_ERROR_LAUNCH_FAILED", Kind.KERNEL_FAILED, true,
          "the kernel failed (an exception on the device)"),
      e(720, "CUDA_ERROR_COOPERATIVE_LAUNCH_TOO_LARGE", Kind.KERNEL_FAILED, false,
          "too many blocks for a cooperative launch"),
      e(999, "CUDA_ERROR_UNKNOWN", Kind.DEVICE_ERROR, false, "an unknown driver error"));

  private CudaErrors() {}

  private static Map.Entry<Integer, Described> e(
      int code, String name, Kind kind, boolean sticky, String meaning) {
    return Map.entry(code, new Described(name, kind, sticky, meaning));
  }

  /** Whether the code poisons the context (every later call fails until it is reset). */
  public static boolean isSticky(int code) {
    Described d = TABLE.get(code);
    return d != null && d.sticky();
  }

  /** The enum name, e.g. "CUDA_ERROR_ILLEGAL_ADDRESS", or "CUresult N" when unknown. */
  public static String name(int code) {
    Described d = TABLE.get(code);
    return d != null ? d.name() : "CUresult " + code;
  }

  /**
   * The exception for a failed call.
   *
   * @param doing what was being done, e.g. "launching sgemm_tiled"
   * @param phaseKind the kind for codes whose meaning depends on the phase (INVALID_VALUE)
   */
  public static CudaCallException error(int code, String doing, Kind phaseKind) {
    Described d = TABLE.get(code);
    Kind kind = d != null && d.kind() != null ? d.kind() : phaseKind;
    String meaning = d != null ? ": " + d.meaning() : "";
    return new CudaCallException(
        kind, code, name(code) + " (" + code + ") while " + doing + meaning);
  }

  /** Throws unless {@code code} is CUDA_SUCCESS. */
  public static void check(int code, String doing, Kind phaseKind) throws CudaCallException {
    if (code != CUDA_SUCCESS) {
      throw error(code, doing, phaseKind);
    }
  }

  /** An {@link ExecutionException} that remembers the CUDA code (to detect sticky errors). */
  public static final class CudaCallException extends ExecutionException {
    private static final long serialVersionUID = 1L;
    private final int code;

    CudaCallException(Kind kind, int code, String message) {
      super(kind, message);
      this.code = code;
    }

    public int code() {
      return code;
    }

    public boolean sticky() {
      return isSticky(code);
    }
  }
}
