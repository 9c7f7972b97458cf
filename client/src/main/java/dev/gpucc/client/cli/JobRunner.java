package dev.gpucc.client.cli;

import dev.gpucc.proto.v1.ExecutorInfo;
import dev.gpucc.proto.v1.JobSpec;
import java.util.List;

/**
 * Runs one job for `gpucc submit`. The attested client implements it (submit over gRPC, verify the
 * evidence against the policy, return only accepted outputs); `--local-cpu` uses
 * {@link LocalCpuJobRunner}.
 */
@FunctionalInterface
public interface JobRunner {
  /**
   * Runs the job and returns its outputs.
   *
   * @throws CliFailure with the exit code for the failure class (connection, rejected, job failed)
   */
  JobOutcome run(JobSpec spec, List<byte[]> inputs) throws Exception;

  /**
   * What a job produced.
   *
   * @param executor which executor and device ran it (from the verified transcript)
   * @param notes lines to print before the outputs (e.g. the verdict), possibly empty
   */
  record JobOutcome(List<byte[]> outputs, ExecutorInfo executor, List<String> notes) {
    public JobOutcome {
      outputs = List.copyOf(outputs);
      notes = List.copyOf(notes);
    }
  }
}
