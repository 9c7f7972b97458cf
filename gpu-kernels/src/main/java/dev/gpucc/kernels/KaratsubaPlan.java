package dev.gpucc.kernels;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;

/**
 * Exact products of large integers: Karatsuba splitting on the host down to leaves of at most
 * {@code thresholdLimbs} 32-bit limbs, then every leaf product of every pair in ONE batch call
 * (on the GPU: one pm_batch_mul launch), then recombination on the host.
 *
 * <p>For a pair of n-limb operands, each split at h = ceil(n/2) limbs gives
 * a*b = z2*2^(64h) + (z1 - z2 - z0)*2^(32h) + z0 with z0 = a0*b0, z2 = a1*b1,
 * z1 = (a0+a1)*(b0+b1): three half-size products instead of four, so depth d costs 3^d leaf
 * products of about n/2^d limbs (O(n^1.585) work) and O(n*d) host additions.
 */
public final class KaratsubaPlan {
  /** Default leaf size: 256 limbs (8192 bits), 8 KiB of shared memory per block. */
  public static final int DEFAULT_THRESHOLD_LIMBS = 256;
  /** Largest leaf the kernel takes: 32 * limbs bytes of shared memory must stay under 48 KiB. */
  public static final int MAX_LEAF_LIMBS = 1024;

  private KaratsubaPlan() {}

  /** Products a[i] * b[i] of non-negative integers. */
  public static <X extends Exception> BigInteger[] multiplyAll(
      BigInteger[] a, BigInteger[] b, int thresholdLimbs, BatchMultiplier<X> multiplier) throws X {
    if (thresholdLimbs < 1 || thresholdLimbs > MAX_LEAF_LIMBS) {
      throw new IllegalArgumentException("threshold must be 1.." + MAX_LEAF_LIMBS + " limbs");
    }
    List<BigInteger[]> leaves = new ArrayList<>();
    Node[] roots = new Node[a.length];
    for (int i = 0; i < a.length; i++) {
      roots[i] = expand(a[i], b[i], thresholdLimbs, leaves);
    }
    BigInteger[] leafProducts = multiplyLeaves(leaves, multiplier);
    BigInteger[] out = new BigInteger[a.length];
    for (int i = 0; i < a.length; i++) {
      out[i] = roots[i].value(leafProducts);
    }
    return out;
  }

  /** An upper bound on the leaf products the plan makes for one n-limb pair (for sizing). */
  public static int leafCount(int limbs, int thresholdLimbs) {
    return limbs <= thresholdLimbs ? 1 : 3 * leafCount((limbs + 1) / 2 + 1, thresholdLimbs);
  }

  private static <X extends Exception> BigInteger[] multiplyLeaves(
      List<BigInteger[]> leaves, BatchMultiplier<X> multiplier) throws X {
    int limbs = 1;
    for (BigInteger[] pair : leaves) {
      limbs = Math.max(limbs, Math.max(Limbs.count(pair[0]), Limbs.count(pair[1])));
    }
    int n = leaves.size();
    int[] pa = new int[n * limbs];
    int[] pb = new int[n * limbs];
    for (int i = 0; i < n; i++) {
      Limbs.put(leaves.get(i)[0], pa, i * limbs, limbs);
      Limbs.put(leaves.get(i)[1], pb, i * limbs, limbs);
    }
    int[] prod = multiplier.multiply(limbs, n, pa, pb);
    BigInteger[] out = new BigInteger[n];
    for (int i = 0; i < n; i++) {
      out[i] = Limbs.get(prod, i * 2 * limbs, 2 * limbs);
    }
    return out;
  }

  private static Node expand(BigInteger a, BigInteger b, int threshold, List<BigInteger[]> leaves) {
    int n = Math.max(Limbs.count(a), Limbs.count(b));
    if (n <= threshold) {
      leaves.add(new BigInteger[] {a, b});
      return new Leaf(leaves.size() - 1);
    }
    int shift = 32 * ((n + 1) / 2);
    BigInteger a1 = a.shiftRight(shift);
    BigInteger a0 = a.subtract(a1.shiftLeft(shift));
    BigInteger b1 = b.shiftRight(shift);
    BigInteger b0 = b.subtract(b1.shiftLeft(shift));
    Node z0 = expand(a0, b0, threshold, leaves);
    Node z2 = expand(a1, b1, threshold, leaves);
    Node z1 = expand(a0.add(a1), b0.add(b1), threshold, leaves);
    return new Split(shift, z0, z1, z2);
  }

  private interface Node {
    BigInteger value(BigInteger[] leafProducts);
  }

  private record Leaf(int index) implements Node {
    @Override
    public BigInteger value(BigInteger[] leafProducts) {
      return leafProducts[index];
    }
  }

  private record Split(int shift, Node z0, Node z1, Node z2) implements Node {
    @Override
    public BigInteger value(BigInteger[] p) {
      BigInteger v0 = z0.value(p);
      BigInteger v2 = z2.value(p);
      BigInteger mid = z1.value(p).subtract(v0).subtract(v2);
      return v2.shiftLeft(2 * shift).add(mid.shiftLeft(shift)).add(v0);
    }
  }
}
