package dev.gpucc.kernels;

/**
 * Multiplies a batch of equal-size integers held as little-endian 32-bit limbs, exactly like the
 * pm_batch_mul kernel: a and b hold pairs * limbs limbs (pair p at p * limbs), the result holds
 * pairs * 2 * limbs limbs.
 *
 * @param <X> what the implementation throws (a device error for the GPU)
 */
@FunctionalInterface
public interface BatchMultiplier<X extends Exception> {
  int[] multiply(int limbs, int pairs, int[] a, int[] b) throws X;
}
