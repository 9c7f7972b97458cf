package dev.gpucc.kernels;

import dev.gpucc.proto.v1.JobSpec;
import dev.gpucc.proto.v1.SgemmParams;
import java.util.List;

/**
 * sgemm: C' = alpha * (A x B) + beta * C over row-major float32 matrices (A is MxK, B KxN, C MxN).
 * Each dot product is accumulated with fused multiply-adds in ascending k from +0.0f; then
 * C' = beta == 0 ? alpha*acc : fma(beta, C, alpha*acc). sgemm.cu computes the same, so the GPU
 * result matches this reference bit for bit.
 */
public final class SgemmKernel extends PtxKernel {
  public static final String NAME = "sgemm";
  public static final String PTX_FILE = "sgemm.ptx";
  public static final String ENTRY = "sgemm_tiled";
  public static final int TILE = 16;
  /** Largest M, N or K: keeps grid dimensions and 32-bit row offsets in range. */
  public static final int MAX_DIM = 1 << 16;

  public SgemmKernel() {
    super(NAME, "1.0.0", "C = alpha*A*B + beta*C, float32 row-major, 16x16 shared-memory tiles", PTX_FILE);
  }

  @Override
  public void validate(JobSpec spec, List<byte[]> inputs, KernelLimits limits)
      throws KernelInputException {
    requireParams(spec, JobSpec.ParamsCase.SGEMM, false);
    requireInputs(inputs, 3, "A, B, C");
    SgemmParams p = spec.getSgemm();
    dim("m", p.getM());
    dim("n", p.getN());
    dim("k", p.getK());
    long m = p.getM();
    long n = p.getN();
    long k = p.getK();
    size("A", inputs.get(0), m * k * 4, m + "x" + k);
    size("B", inputs.get(1), k * n * 4, k + "x" + n);
    size("C", inputs.get(2), m * n * 4, m + "x" + n);
    requireTotals(inputs, m * n * 4, limits);
  }

  private static void dim(String which, int v) throws KernelInputException {
    if (v == 0 || Integer.compareUnsigned(v, MAX_DIM) > 0) {
      throw new KernelInputException(
          NAME + ": " + which + " is " + Integer.toUnsignedString(v) + "; it must be 1.." + MAX_DIM);
    }
  }

  private static void size(String which, byte[] data, long expected, String shape)
      throws KernelInputException {
    if (data.length != expected) {
      throw new KernelInputException(
          NAME + ": " + which + " has " + data.length + " bytes; a " + shape
              + " float32 matrix has " + expected);
    }
  }

  @Override
  List<byte[]> compute(JobSpec spec, List<byte[]> inputs) {
    SgemmParams p = spec.getSgemm();
    return List.of(
        LittleEndian.bytes(
            multiply(
                p.getM(), p.getN(), p.getK(), p.getAlpha(), p.getBeta(),
                LittleEndian.floats(inputs.get(0)),
                LittleEndian.floats(inputs.get(1)),
                LittleEndian.floats(inputs.get(2)))));
  }

  /** The reference: returns C' (C is not modified). */
  public static float[] multiply(
      int m, int n, int k, float alpha, float beta, float[] a, float[] b, float[] c) {
    float[] out = new float[m * n];
    float[] row = new float[n];
    for (int r = 0; r < m; r++) {
      java.util.Arrays.fill(row, 0.0f);
      // i-k-j order for cache locality; each row[col] still sees k in ascending order.
      for (int kk = 0; kk < k; kk++) {
        float av = a[r * k + kk];
        int bo = kk * n;
        for (int col = 0; col < n; col++) {
          row[col] = Math.fma(av, b[bo + col], row[col]);
        }
      }
      for (int col = 0; col < n; col++) {
        float scaled = alpha * row[col];
        int idx = r * n + col;
        out[idx] = beta == 0.0f ? scaled : Math.fma(beta, c[idx], scaled);
      }
    }
    return out;
  }
}
