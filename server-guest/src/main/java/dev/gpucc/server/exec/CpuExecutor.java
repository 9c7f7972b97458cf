package dev.gpucc.server.exec;

import dev.gpucc.kernels.KernelDefinition;
import dev.gpucc.kernels.KernelInputException;
import dev.gpucc.proto.v1.ExecutorInfo;
import dev.gpucc.proto.v1.ExecutorKind;
import dev.gpucc.proto.v1.JobSpec;
import java.util.List;

/**
 * Runs built-in kernels through their CPU reference implementations. A compute fallback only:
 * the transcript says the CPU ran the job, and attestation is unaffected.
 */
public final class CpuExecutor implements JobExecutor {
  private static final ExecutorInfo INFO =
      ExecutorInfo.newBuilder().setKind(ExecutorKind.EXECUTOR_KIND_CPU).setDevice("cpu").build();

  @Override
  public ExecutorInfo info() {
    return INFO;
  }

  @Override
  public boolean supports(String kernelName) {
    return !"custom".equals(kernelName);
  }

  @Override
  public List<byte[]> execute(
      KernelDefinition kernel, JobSpec spec, List<byte[]> inputs, JobContext context)
      throws KernelInputException, ExecutionException {
    if (kernel == null) {
      throw new ExecutionException(
          ExecutionException.Kind.UNSUPPORTED,
          "custom PTX kernels need a GPU, and this server has none (CPU executor only)");
    }
    context.checkAlive();
    context.progress().report("compute", 0.5, "running " + kernel.name() + " on the CPU");
    List<byte[]> out = kernel.runOnCpu(spec, inputs, context.limits());
    context.checkAlive();
    return out;
  }
}
