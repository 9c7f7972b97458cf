package dev.gpucc.kernels;

import dev.gpucc.proto.v1.JobSpec;
import java.util.List;

/** vector-add: c[i] = a[i] + b[i] over float32 little-endian vectors of equal length. */
public final class VectorAddKernel extends PtxKernel {
  public static final String NAME = "vector-add";
  public static final String PTX_FILE = "vector_add.ptx";
  public static final String ENTRY = "vector_add";

  public VectorAddKernel() {
    super(NAME, "1.0.0", "c = a + b, float32 vectors", PTX_FILE);
  }

  @Override
  public void validate(JobSpec spec, List<byte[]> inputs, KernelLimits limits)
      throws KernelInputException {
    requireParams(spec, JobSpec.ParamsCase.VECTOR_ADD, true);
    requireInputs(inputs, 2, "a, b");
    requireMultiple("a", inputs.get(0), 4, "float32");
    requireMultiple("b", inputs.get(1), 4, "float32");
    if (inputs.get(0).length != inputs.get(1).length) {
      throw new KernelInputException(
          NAME + ": a and b differ in length (" + inputs.get(0).length + " and "
              + inputs.get(1).length + " bytes)");
    }
    requireTotals(inputs, inputs.get(0).length, limits);
  }

  @Override
  List<byte[]> compute(JobSpec spec, List<byte[]> inputs) {
    float[] a = LittleEndian.floats(inputs.get(0));
    float[] b = LittleEndian.floats(inputs.get(1));
    float[] c = new float[a.length];
    for (int i = 0; i < a.length; i++) {
      c[i] = a[i] + b[i];
    }
    return List.of(LittleEndian.bytes(c));
  }
}
