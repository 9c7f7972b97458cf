package dev.gpucc.kernels;

import dev.gpucc.proto.v1.JobSpec;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;

/**
 * Shared identity plumbing for the built-in kernels: the packaged PTX module (one per kernel,
 * src/main/cuda/NAME.cu compiled for compute_90) and its SHA-256 digest.
 */
abstract class PtxKernel implements KernelDefinition {
  private final String name;
  private final String version;
  private final String description;
  private final Optional<byte[]> ptx;

  PtxKernel(String name, String version, String description, String ptxFile) {
    this.name = name;
    this.version = version;
    this.description = description;
    this.ptx = PtxResources.load(ptxFile);
  }

  @Override
  public final String name() {
    return name;
  }

  @Override
  public final String version() {
    return version;
  }

  @Override
  public final String description() {
    return description;
  }

  @Override
  public final byte[] digest() {
    // Without packaged PTX (a stripped build) the digest names the function only.
    return PtxResources.sha256(ptx.orElse((name + "@" + version).getBytes(StandardCharsets.UTF_8)));
  }

  @Override
  public final Optional<byte[]> ptx() {
    return ptx.map(byte[]::clone);
  }

  @Override
  public final List<byte[]> runOnCpu(JobSpec spec, List<byte[]> inputs, KernelLimits limits)
      throws KernelInputException {
    validate(spec, inputs, limits);
    return compute(spec, inputs);
  }

  /** The CPU reference, on inputs that {@link #validate} accepted. */
  abstract List<byte[]> compute(JobSpec spec, List<byte[]> inputs) throws KernelInputException;

  /** Fails unless the spec carries this kernel's params (or none, where all are defaults). */
  final void requireParams(JobSpec spec, JobSpec.ParamsCase expected, boolean noneAllowed)
      throws KernelInputException {
    JobSpec.ParamsCase actual = spec.getParamsCase();
    if (actual != expected && !(noneAllowed && actual == JobSpec.ParamsCase.PARAMS_NOT_SET)) {
      throw new KernelInputException(
          name + " takes " + expected.name().toLowerCase() + " params, got " + actual);
    }
  }

  final void requireInputs(List<byte[]> inputs, int count, String names) throws KernelInputException {
    if (inputs.size() != count) {
      throw new KernelInputException(
          name + " takes " + count + " input" + (count == 1 ? "" : "s") + " (" + names + "), got "
              + inputs.size());
    }
  }

  final void requireTotals(List<byte[]> inputs, long outputBytes, KernelLimits limits)
      throws KernelInputException {
    long in = 0;
    for (byte[] b : inputs) {
      in += b.length;
    }
    if (in > limits.maxInputBytes()) {
      throw new KernelInputException(
          name + ": inputs total " + in + " bytes; the limit is " + limits.maxInputBytes()
              + " bytes (server setting max-input-bytes)");
    }
    if (outputBytes > limits.maxOutputBytes()) {
      throw new KernelInputException(
          name + ": output would be " + outputBytes + " bytes; the limit is "
              + limits.maxOutputBytes() + " bytes (server setting max-output-bytes)");
    }
  }

  final void requireMultiple(String what, byte[] data, int elementBytes, String type)
      throws KernelInputException {
    if (data.length % elementBytes != 0) {
      throw new KernelInputException(
          name + ": input " + what + " has " + data.length + " bytes, not a whole number of "
              + type + " values (" + elementBytes + " bytes each)");
    }
  }
}
