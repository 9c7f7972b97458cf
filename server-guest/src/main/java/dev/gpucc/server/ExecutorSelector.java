package dev.gpucc.server;

import dev.gpucc.kernels.KernelDefinition;
import dev.gpucc.proto.v1.ExecutorInfo;
import dev.gpucc.proto.v1.ExecutorKind;
import dev.gpucc.proto.v1.JobSpec;
import dev.gpucc.server.exec.ExecutionException;
import dev.gpucc.server.exec.JobExecutor;
import java.util.List;

/**
 * Picks the executor for a job: the one the job asks for, else the first that supports the
 * kernel (GPU executors are listed before the CPU executor).
 */
public final class ExecutorSelector {
  private final List<JobExecutor> executors;

  public ExecutorSelector(List<JobExecutor> executorsInPreferenceOrder) {
    if (executorsInPreferenceOrder.isEmpty()) {
      throw new IllegalArgumentException("at least one executor is required");
    }
    this.executors = List.copyOf(executorsInPreferenceOrder);
  }

  public List<ExecutorInfo> infos() {
    return executors.stream().map(JobExecutor::info).toList();
  }

  public boolean anySupports(String kernel, ExecutorKind kind) {
    return executors.stream().anyMatch(e -> e.info().getKind() == kind && e.supports(kernel));
  }

  public JobExecutor choose(JobSpec spec) throws ExecutionException {
    for (JobExecutor e : executors) {
      boolean kindOk =
          spec.getExecutor() == ExecutorKind.EXECUTOR_KIND_UNSPECIFIED || spec.getExecutor() == e.info().getKind();
      if (kindOk && e.supports(spec.getKernel())) {
        return e;
      }
    }
    if ("custom".equals(spec.getKernel())) {
      throw new ExecutionException(
          ExecutionException.Kind.UNSUPPORTED,
          "custom PTX kernels need a GPU, and this server has no usable GPU (executors: " + describe() + ")");
    }
    throw new ExecutionException(
        ExecutionException.Kind.UNSUPPORTED,
        "no executor here can run " + spec.getKernel() + " as requested (" + spec.getExecutor() + "); executors: " + describe());
  }

  /** The kernel digest of docs/PROTOCOL.md: the catalog digest, or the custom-kernel digest. */
  public byte[] kernelDigest(KernelDefinition kernel, JobSpec spec) {
    if (kernel != null) {
      return kernel.digest();
    }
    return dev.gpucc.kernels.CustomKernelDigest.compute(spec.getCustom());
  }

  private String describe() {
    return executors.stream().map(e -> e.info().getKind() + " " + e.info().getDevice()).toList().toString();
  }
}
