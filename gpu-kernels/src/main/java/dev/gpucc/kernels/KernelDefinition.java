package dev.gpucc.kernels;

import dev.gpucc.proto.v1.JobSpec;
import java.util.List;
import java.util.Optional;

/**
 * One built-in kernel: its identity (name, version, digest of the PTX that runs) and a CPU
 * reference implementation that computes exactly the same function, used by the CPU executor and
 * to check the GPU.
 */
public interface KernelDefinition {
  String name();

  String version();

  String description();

  /** SHA-256 of the PTX text that the GPU executor loads (docs/PROTOCOL.md, "Kernel digest"). */
  byte[] digest();

  /** The PTX module text, when packaged. */
  Optional<byte[]> ptx();

  /**
   * Checks parameters and inputs against the kernel's rules and the limits, without computing.
   *
   * @throws KernelInputException with a message fit for the client
   */
  void validate(JobSpec spec, List<byte[]> inputs, KernelLimits limits) throws KernelInputException;

  /** Computes the outputs on the CPU. Calls {@link #validate} first. */
  List<byte[]> runOnCpu(JobSpec spec, List<byte[]> inputs, KernelLimits limits)
      throws KernelInputException;
}
