package dev.gpucc.server.exec.cuda;

/**
 * Server settings for the CUDA executor.
 *
 * @param deviceIndex which GPU (CUDA ordinal) this executor uses
 * @param maxDeviceBytesPerJob device memory one job may allocate
 * @param maxDeviceBytes device memory all running jobs together may allocate
 * @param poisonOutputs fill output buffers with 0xFF instead of zero before launching built-in
 *     kernels, so that an element a kernel fails to write shows up (the GPU check turns it on)
 */
public record CudaConfig(int deviceIndex, long maxDeviceBytesPerJob, long maxDeviceBytes,
    boolean poisonOutputs) {
  public static final CudaConfig DEFAULTS = new CudaConfig(0, 4L << 30, 16L << 30, false);

  public CudaConfig {
    if (deviceIndex < 0 || maxDeviceBytesPerJob <= 0 || maxDeviceBytes <= 0) {
      throw new IllegalArgumentException("device index must be >= 0 and memory limits positive");
    }
  }

  public CudaConfig withPoisonOutputs(boolean poison) {
    return new CudaConfig(deviceIndex, maxDeviceBytesPerJob, maxDeviceBytes, poison);
  }
}
