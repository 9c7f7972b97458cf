package dev.gpucc.server.exec.cuda;

import static jcuda.driver.JCudaDriver.cuDeviceGetCount;
import static jcuda.driver.JCudaDriver.cuDriverGetVersion;
import static jcuda.driver.JCudaDriver.cuInit;

import dev.gpucc.kernels.KernelDefinition;
import dev.gpucc.kernels.KernelInputException;
import dev.gpucc.proto.v1.ExecutorInfo;
import dev.gpucc.proto.v1.ExecutorKind;
import dev.gpucc.proto.v1.JobSpec;
import dev.gpucc.server.exec.ExecutionException;
import dev.gpucc.server.exec.ExecutionException.Kind;
import dev.gpucc.server.exec.JobContext;
import dev.gpucc.server.exec.JobExecutor;
import java.util.List;
import jcuda.driver.JCudaDriver;

/**
 * Runs jobs on one GPU through the CUDA driver API (JCuda): catalog kernels from their packaged
 * PTX, and client PTX ("custom"). One context per device (the primary context), one stream and
 * one set of allocations per job, all freed when the job ends.
 */
public final class CudaExecutor implements JobExecutor {
  public static final String CUSTOM = "custom";
  private static final System.Logger LOG = System.getLogger(CudaExecutor.class.getName());

  private final CudaDevice device;
  private final DeviceMemoryBudget budget;
  private final boolean poisonOutputs;
  private final BuiltInLaunchers launchers;
  private final ExecutorInfo info;
  private final int driverVersion;
  private final int deviceCount;

  private CudaExecutor(CudaDevice device, CudaConfig config, int driverVersion, int deviceCount) {
    this.deviceCount = deviceCount;
    this.device = device;
    this.budget = new DeviceMemoryBudget(config.maxDeviceBytesPerJob(), config.maxDeviceBytes());
    this.poisonOutputs = config.poisonOutputs();
    this.launchers = new BuiltInLaunchers(device);
    this.driverVersion = driverVersion;
    this.info = ExecutorInfo.newBuilder().setKind(ExecutorKind.EXECUTOR_KIND_CUDA)
        .setDevice(device.name() + " " + device.uuid()).setGpuIndex(device.index()).build();
  }

  /**
   * Initializes the driver and opens the configured GPU.
   *
   * @throws ExecutionException (DEVICE_ERROR) when the driver reports no usable GPU
   * @throws LinkageError when the JCuda natives or libcuda.so.1 cannot be loaded
   */
  public static CudaExecutor open(CudaConfig config) throws ExecutionException {
    JCudaDriver.setExceptionsEnabled(false); // every code is checked and mapped by CudaErrors
    CudaErrors.check(cuInit(0), "initializing the CUDA driver", Kind.DEVICE_ERROR);
    int[] version = new int[1];
    CudaErrors.check(cuDriverGetVersion(version), "reading the driver version", Kind.DEVICE_ERROR);
    int[] count = new int[1];
    CudaErrors.check(cuDeviceGetCount(count), "counting GPUs", Kind.DEVICE_ERROR);
    if (config.deviceIndex() >= count[0]) {
      throw new ExecutionException(Kind.DEVICE_ERROR, "the driver reports " + count[0]
          + " GPU(s); configured device index " + config.deviceIndex() + " does not exist");
    }
    return new CudaExecutor(CudaDevice.open(config.deviceIndex()), config, version[0], count[0]);
  }

  @Override
  public ExecutorInfo info() {
    return info;
  }

  /** Driver API version, e.g. 13000 for CUDA 13.0. */
  public int driverVersion() {
    return driverVersion;
  }

  /** GPUs the driver reports (this executor uses one, {@link CudaConfig#deviceIndex()}). */
  public int deviceCount() {
    return deviceCount;
  }

  public CudaDevice device() {
    return device;
  }

  @Override
  public boolean supports(String kernelName) {
    return true; // every catalog kernel has a launcher, and custom PTX runs here
  }

  @Override
  public List<byte[]> execute(KernelDefinition kernel, JobSpec spec, List<byte[]> inputs,
      JobContext context) throws KernelInputException, ExecutionException {
    return executeTimed(kernel, spec, inputs, context).outputs();
  }

  /** Outputs and the device time of the job's kernels (CUDA events), in milliseconds. */
  public record Timed(List<byte[]> outputs, float kernelMillis) {}

  public Timed executeTimed(KernelDefinition kernel, JobSpec spec, List<byte[]> inputs,
      JobContext context) throws KernelInputException, ExecutionException {
    CustomKernelPlan plan = null;
    if (kernel == null) {
      if (spec.getParamsCase() != JobSpec.ParamsCase.CUSTOM) {
        throw new KernelInputException("kernel '" + spec.getKernel() + "' is not in the catalog and "
            + "the job has no custom params");
      }
      plan = CustomKernelPlan.of(spec.getCustom(), inputs, context.limits(), device.limits());
    } else {
      kernel.validate(spec, inputs, context.limits());
    }
    context.checkAlive();
    String what = plan != null ? plan.describe() : kernel.name();
    context.progress().report("compute", 0.5, "running " + what + " on GPU " + device.index());
    long generation = device.enter();
    boolean reset = false;
    try (CudaJob job = new CudaJob(context, budget, poisonOutputs)) {
      try {
        List<byte[]> out = plan != null
            ? CustomLauncher.run(plan, inputs, job)
            : launchers.run(kernel, spec, inputs, context.limits(), job);
        return new Timed(out, job.kernelMillis());
      } catch (CudaErrors.CudaCallException e) {
        reset = e.sticky();
        throw e;
      } finally {
        reset |= job.abandoned();
      }
    } finally {
      device.leave();
      if (reset) {
        resetQuietly(generation);
      }
    }
  }

  private void resetQuietly(long generation) {
    try {
      device.resetAfterFault(generation);
      LOG.log(System.Logger.Level.WARNING, "GPU " + device.index() + ": context reset after a fault");
    } catch (ExecutionException e) {
      LOG.log(System.Logger.Level.ERROR, "GPU " + device.index() + ": context reset failed: " + e.getMessage());
    }
  }
}
