package dev.gpucc.server.exec;

import dev.gpucc.kernels.KernelDefinition;
import dev.gpucc.kernels.KernelInputException;
import dev.gpucc.proto.v1.ExecutorInfo;
import dev.gpucc.proto.v1.JobSpec;
import java.util.List;

/**
 * Runs one job's kernel somewhere (the VM's CPU, a GPU through CUDA). Executors compute; they do
 * not attest: the service records {@link #info()} in the transcript.
 */
public interface JobExecutor {
  /** Which executor and device; goes into the transcript. */
  ExecutorInfo info();

  /** Whether this executor can run the kernel (catalog name, or "custom"). */
  boolean supports(String kernelName);

  /**
   * Runs the job.
   *
   * @param kernel the catalog entry, or null for a custom PTX kernel
   * @throws KernelInputException bad parameters or inputs (INVALID_ARGUMENT)
   * @throws ExecutionException the device failed (mapped to a gRPC status by the service)
   */
  List<byte[]> execute(KernelDefinition kernel, JobSpec spec, List<byte[]> inputs, JobContext context)
      throws KernelInputException, ExecutionException;
}
