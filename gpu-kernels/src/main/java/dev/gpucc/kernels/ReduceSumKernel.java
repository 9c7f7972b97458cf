package dev.gpucc.kernels;

import dev.gpucc.proto.v1.JobSpec;
import java.util.List;

/**
 * reduce-sum: the float64 sum of the input, in the fixed order of reduce_sum.cu (chunks of
 * {@value #CHUNK} values, 256 strided per-thread sums of 16 values each, a binary tree over the
 * 256 partial sums, repeated over the chunk sums until one value remains). Floating-point
 * addition is not associative, so this order is part of the kernel's definition.
 */
public final class ReduceSumKernel extends PtxKernel {
  public static final String NAME = "reduce-sum";
  public static final String PTX_FILE = "reduce_sum.ptx";
  public static final String ENTRY = "reduce_sum_pass";
  public static final int THREADS = 256;
  public static final int PER_THREAD = 16;
  public static final int CHUNK = THREADS * PER_THREAD;

  public ReduceSumKernel() {
    super(NAME, "1.0.0", "sum of float64 values (fixed reduction order)", PTX_FILE);
  }

  @Override
  public void validate(JobSpec spec, List<byte[]> inputs, KernelLimits limits)
      throws KernelInputException {
    requireParams(spec, JobSpec.ParamsCase.REDUCE_SUM, true);
    requireInputs(inputs, 1, "values");
    requireMultiple("values", inputs.get(0), 8, "float64");
    requireTotals(inputs, 8, limits);
  }

  @Override
  List<byte[]> compute(JobSpec spec, List<byte[]> inputs) {
    return List.of(LittleEndian.bytes(new double[] {sum(LittleEndian.doubles(inputs.get(0)))}));
  }

  /** The reference sum, pass by pass as the GPU runs it. */
  public static double sum(double[] values) {
    if (values.length == 0) {
      return 0.0;
    }
    double[] v = values;
    do {
      v = pass(v);
    } while (v.length > 1);
    return v[0];
  }

  /** One pass: each chunk of {@value #CHUNK} values to one partial sum. */
  public static double[] pass(double[] in) {
    int chunks = (in.length + CHUNK - 1) / CHUNK;
    double[] out = new double[chunks];
    double[] s = new double[THREADS];
    for (int c = 0; c < chunks; c++) {
      long base = (long) c * CHUNK;
      for (int t = 0; t < THREADS; t++) {
        double acc = 0.0;
        for (int j = 0; j < PER_THREAD; j++) {
          long i = base + t + (long) THREADS * j;
          if (i < in.length) {
            acc += in[(int) i];
          }
        }
        s[t] = acc;
      }
      for (int h = THREADS / 2; h > 0; h >>= 1) {
        for (int t = 0; t < h; t++) {
          s[t] += s[t + h];
        }
      }
      out[c] = s[0];
    }
    return out;
  }
}
