package dev.gpucc.server.exec.cuda;

/**
 * Launch limits of one device, read with cuDeviceGetAttribute (CU_DEVICE_ATTRIBUTE_MAX_*).
 *
 * @param maxSharedBytesOptIn dynamic shared memory a kernel may use after opting in
 *     (CU_FUNC_ATTRIBUTE_MAX_DYNAMIC_SHARED_SIZE_BYTES); 48 KiB needs no opt-in
 */
public record DeviceLimits(
    int maxThreadsPerBlock,
    int maxBlockX, int maxBlockY, int maxBlockZ,
    int maxGridX, int maxGridY, int maxGridZ,
    int maxSharedBytesOptIn) {
  /** The H100's values (compute capability 9.0, CUDA C Programming Guide, Table 21). */
  public static final DeviceLimits HOPPER =
      new DeviceLimits(1024, 1024, 1024, 64, Integer.MAX_VALUE, 65535, 65535, 227 * 1024);

  /** Shared memory every kernel may use without opting in. */
  public static final int DEFAULT_SHARED_BYTES = 48 * 1024;
}
