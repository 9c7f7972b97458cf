package dev.gpucc.client.cli;

import dev.gpucc.kernels.KernelCatalog;
import dev.gpucc.kernels.KernelDefinition;
import dev.gpucc.kernels.KernelInputException;
import dev.gpucc.kernels.KernelLimits;
import dev.gpucc.proto.v1.ExecutorInfo;
import dev.gpucc.proto.v1.ExecutorKind;
import dev.gpucc.proto.v1.JobSpec;
import java.util.List;

/**
 * Runs catalog kernels in this process through their CPU references: no server, no GPU, no
 * attestation. For trying inputs and checking results; the output says so.
 */
public final class LocalCpuJobRunner implements JobRunner {
  @Override
  public JobOutcome run(JobSpec spec, List<byte[]> inputs) throws CliFailure, UsageException {
    KernelDefinition k = KernelCatalog.builtIn().find(spec.getKernel()).orElseThrow(() ->
        new UsageException("--local-cpu runs catalog kernels only; '" + spec.getKernel() + "' needs a GPU server"));
    try {
      List<byte[]> out = k.runOnCpu(spec, inputs, KernelLimits.DEFAULTS);
      return new JobOutcome(out,
          ExecutorInfo.newBuilder().setKind(ExecutorKind.EXECUTOR_KIND_CPU).setDevice("local cpu").build(),
          List.of("ran locally on the CPU reference (--local-cpu): no server, no attestation"));
    } catch (KernelInputException e) {
      throw new CliFailure(ExitCodes.JOB_FAILED, "job rejected: " + e.getMessage());
    }
  }
}
