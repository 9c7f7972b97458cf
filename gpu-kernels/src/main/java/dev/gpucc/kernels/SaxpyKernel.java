package dev.gpucc.kernels;

import dev.gpucc.proto.v1.JobSpec;
import java.util.List;

/**
 * saxpy: y'[i] = fma(alpha, x[i], y[i]) over float32 little-endian vectors: one rounding, as the
 * GPU's __fmaf_rn computes it, so CPU and GPU agree bit for bit.
 */
public final class SaxpyKernel extends PtxKernel {
  public static final String NAME = "saxpy";
  public static final String PTX_FILE = "saxpy.ptx";
  public static final String ENTRY = "saxpy";

  public SaxpyKernel() {
    super(NAME, "1.0.0", "y = alpha * x + y (fused), float32 vectors", PTX_FILE);
  }

  @Override
  public void validate(JobSpec spec, List<byte[]> inputs, KernelLimits limits)
      throws KernelInputException {
    requireParams(spec, JobSpec.ParamsCase.SAXPY, false);
    requireInputs(inputs, 2, "x, y");
    requireMultiple("x", inputs.get(0), 4, "float32");
    requireMultiple("y", inputs.get(1), 4, "float32");
    if (inputs.get(0).length != inputs.get(1).length) {
      throw new KernelInputException(
          NAME + ": x and y differ in length (" + inputs.get(0).length + " and "
              + inputs.get(1).length + " bytes)");
    }
    requireTotals(inputs, inputs.get(1).length, limits);
  }

  @Override
  List<byte[]> compute(JobSpec spec, List<byte[]> inputs) {
    float alpha = spec.getSaxpy().getAlpha();
    float[] x = LittleEndian.floats(inputs.get(0));
    float[] y = LittleEndian.floats(inputs.get(1));
    for (int i = 0; i < x.length; i++) {
      y[i] = Math.fma(alpha, x[i], y[i]);
    }
    return List.of(LittleEndian.bytes(y));
  }
}
