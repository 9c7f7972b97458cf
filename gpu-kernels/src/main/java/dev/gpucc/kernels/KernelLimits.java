package dev.gpucc.kernels;

/**
 * Size limits for job inputs, set by server configuration (docs/KERNELS.md lists the defaults).
 *
 * @param maxOperandBits largest prime-multiply operand, in bits
 * @param maxBatchPairs most (a, b) pairs in one prime-multiply batch
 * @param maxInputBytes total bytes of all input buffers of one job
 * @param maxOutputBytes total bytes of all output buffers of one job
 */
public record KernelLimits(int maxOperandBits, int maxBatchPairs, long maxInputBytes, long maxOutputBytes) {
  public static final KernelLimits DEFAULTS = new KernelLimits(1 << 20, 1 << 16, 256L << 20, 512L << 20);

  public KernelLimits {
    if (maxOperandBits <= 0 || maxBatchPairs <= 0 || maxInputBytes <= 0 || maxOutputBytes <= 0) {
      throw new IllegalArgumentException("limits must be positive");
    }
  }
}
