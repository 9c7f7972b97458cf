package dev.gpucc.server.exec.cuda;

import dev.gpucc.server.exec.CpuExecutor;
import dev.gpucc.server.exec.ExecutionException;
import dev.gpucc.server.exec.JobExecutor;

/**
 * Chooses the executor at server start: the CUDA executor when the driver and a GPU are there,
 * otherwise the CPU executor, with the reason in words (the server logs it and reports it in its
 * capabilities; the transcript's ExecutorInfo says which executor ran each job).
 */
public final class CudaExecutorFactory {
  private CudaExecutorFactory() {}

  /**
   * The executor and why it was chosen.
   *
   * @param reason e.g. "CUDA executor on GPU 0: NVIDIA H100 ..." or "no CUDA device: ..."
   */
  public record Selection(JobExecutor executor, String reason) {
    public boolean isCuda() {
      return executor instanceof CudaExecutor;
    }
  }

  /** Interface for the step that opens the GPU, so tests can stand in for the driver. */
  @FunctionalInterface
  interface Opener {
    CudaExecutor open(CudaConfig config) throws ExecutionException;
  }

  public static Selection select(CudaConfig config) {
    return select(config, CudaExecutor::open);
  }

  static Selection select(CudaConfig config, Opener opener) {
    try {
      CudaExecutor e = opener.open(config);
      return new Selection(e, "CUDA executor on GPU " + e.info().getGpuIndex() + " of " + e.deviceCount()
          + ": " + e.info().getDevice()
          + " (driver API " + e.driverVersion() + ")");
    } catch (ExecutionException e) {
      return cpu("no CUDA device: " + e.getMessage());
    } catch (LinkageError e) {
      // JCuda's natives need libcuda.so.1 (the NVIDIA driver); without it loading fails here.
      return cpu("no CUDA device: cannot load the CUDA driver library (" + e.getClass().getSimpleName()
          + ": " + firstLine(e.getMessage()) + ")");
    } catch (RuntimeException e) {
      return cpu("no CUDA device: " + e.getClass().getSimpleName() + ": " + firstLine(e.getMessage()));
    }
  }

  private static Selection cpu(String reason) {
    return new Selection(new CpuExecutor(), reason + "; using the CPU executor");
  }

  private static String firstLine(String s) {
    if (s == null) {
      return "no message";
    }
    int nl = s.indexOf('\n');
    return nl < 0 ? s : s.substring(0, nl);
  }
}
