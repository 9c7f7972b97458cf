package dev.gpucc.kernels;

/**
 * The pm_batch_mul algorithm (column-wise schoolbook with 96-bit column sums, then one carry
 * pass) in Java. It runs the CUDA kernel's arithmetic on the CPU, so tests check that arithmetic
 * against BigInteger without a GPU.
 */
public final class CombaMultiplier implements BatchMultiplier<RuntimeException> {
  @Override
  public int[] multiply(int limbs, int pairs, int[] a, int[] b) {
    int cols = 2 * limbs;
    int[] out = new int[pairs * cols];
    long[] lo = new long[cols];
    int[] hi = new int[cols];
    for (int p = 0; p < pairs; p++) {
      int base = p * limbs;
      for (int k = 0; k < cols; k++) {
        long acc = 0;
        int carry = 0;
        int iStart = k < limbs ? 0 : k - limbs + 1;
        int iEnd = k < limbs ? k : limbs - 1;
        for (int i = iStart; i <= iEnd; i++) {
          long prod = (a[base + i] & 0xffffffffL) * (b[base + k - i] & 0xffffffffL);
          acc += prod;
          if (Long.compareUnsigned(acc, prod) < 0) {
            carry++;
          }
        }
        lo[k] = acc;
        hi[k] = carry;
      }
      long c = 0;
      for (int k = 0; k < cols; k++) {
        long t = lo[k] + c;
        long over = Long.compareUnsigned(t, c) < 0 ? 1 : 0;
        out[p * cols + k] = (int) t;
        c = (t >>> 32) | (((hi[k] & 0xffffffffL) + over) << 32);
      }
    }
    return out;
  }
}
