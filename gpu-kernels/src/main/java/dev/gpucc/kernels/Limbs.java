package dev.gpucc.kernels;

import java.math.BigInteger;

/**
 * Non-negative integers as little-endian arrays of 32-bit limbs, the layout prime_multiply.cu works
 * on (limb 0 is the least significant).
 */
public final class Limbs {
  private Limbs() {}

  /** Limbs needed for v (at least 1). */
  public static int count(BigInteger v) {
    return Math.max(1, (v.bitLength() + 31) / 32);
  }

  /** Writes v into dst[off .. off+limbs) (v must fit). */
  public static void put(BigInteger v, int[] dst, int off, int limbs) {
    byte[] be = v.toByteArray();
    for (int i = 0; i < limbs; i++) {
      int limb = 0;
      for (int j = 3; j >= 0; j--) {
        int p = be.length - 1 - (4 * i + j);
        limb = (limb << 8) | (p >= 0 ? be[p] & 0xff : 0);
      }
      dst[off + i] = limb;
    }
  }

  /** The value of src[off .. off+limbs). */
  public static BigInteger get(int[] src, int off, int limbs) {
    byte[] be = new byte[limbs * 4];
    for (int i = 0; i < limbs; i++) {
      int limb = src[off + i];
      int p = be.length - 4 * (i + 1);
      be[p] = (byte) (limb >>> 24);
      be[p + 1] = (byte) (limb >>> 16);
      be[p + 2] = (byte) (limb >>> 8);
      be[p + 3] = (byte) limb;
    }
    return new BigInteger(1, be);
  }
}
