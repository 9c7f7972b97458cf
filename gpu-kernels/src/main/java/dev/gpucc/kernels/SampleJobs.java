package dev.gpucc.kernels;

import dev.gpucc.proto.v1.JobSpec;
import dev.gpucc.proto.v1.OperandEncoding;
import dev.gpucc.proto.v1.PrimeMultiplyParams;
import dev.gpucc.proto.v1.ReduceSumParams;
import dev.gpucc.proto.v1.SaxpyParams;
import dev.gpucc.proto.v1.SgemmParams;
import dev.gpucc.proto.v1.Sha256BatchParams;
import dev.gpucc.proto.v1.VectorAddParams;
import java.util.List;
import java.util.Random;

/**
 * Random jobs for each catalog kernel (for `gpucc submit --generate`, the GPU check and tests).
 *
 * <p>{@code size} and {@code count} mean, per kernel: prime-multiply: operand bytes and pair
 * count (BIG_ENDIAN, fixed width, top bit of every operand set); vector-add, saxpy, reduce-sum:
 * elements; sgemm: M = N = K = size; sha256-batch: message bytes and message count.
 */
public final class SampleJobs {
  private SampleJobs() {}

  /** A job and a short description of its sizes. */
  public record Sample(JobSpec spec, List<byte[]> inputs, String sizes) {}

  public static Sample generate(String kernel, int size, int count, Random rnd) {
    if (size < 0 || count < 1) {
      throw new IllegalArgumentException("size must be >= 0 and count >= 1");
    }
    JobSpec.Builder spec = JobSpec.newBuilder().setKernel(kernel);
    switch (kernel) {
      case PrimeMultiplyKernel.NAME -> {
        int w = Math.max(1, size);
        spec.setPrimeMultiply(PrimeMultiplyParams.newBuilder()
            .setEncoding(OperandEncoding.OPERAND_ENCODING_BIG_ENDIAN).setPairCount(count).setOperandBytes(w));
        return new Sample(spec.build(), List.of(operands(count, w, rnd), operands(count, w, rnd)),
            count + " x " + (8L * w) + "-bit pairs");
      }
      case VectorAddKernel.NAME -> {
        spec.setVectorAdd(VectorAddParams.getDefaultInstance());
        return new Sample(spec.build(), List.of(floats(size, rnd), floats(size, rnd)), size + " floats");
      }
      case SaxpyKernel.NAME -> {
        spec.setSaxpy(SaxpyParams.newBuilder().setAlpha(rnd.nextFloat() * 4 - 2));
        return new Sample(spec.build(), List.of(floats(size, rnd), floats(size, rnd)), size + " floats");
      }
      case SgemmKernel.NAME -> {
        int n = Math.max(1, size);
        spec.setSgemm(SgemmParams.newBuilder().setM(n).setN(n).setK(n).setAlpha(1.5f).setBeta(0.5f));
        return new Sample(spec.build(),
            List.of(floats(n * n, rnd), floats(n * n, rnd), floats(n * n, rnd)), n + "x" + n + "x" + n);
      }
      case Sha256BatchKernel.NAME -> {
        spec.setSha256Batch(Sha256BatchParams.newBuilder().setMessageBytes(size).setMessageCount(count));
        byte[] in = new byte[size * count];
        rnd.nextBytes(in);
        return new Sample(spec.build(), List.of(in), count + " x " + size + " B");
      }
      case ReduceSumKernel.NAME -> {
        spec.setReduceSum(ReduceSumParams.getDefaultInstance());
        double[] v = new double[size];
        for (int i = 0; i < size; i++) {
          v[i] = rnd.nextDouble() * 2 - 1;
        }
        return new Sample(spec.build(), List.of(LittleEndian.bytes(v)), size + " doubles");
      }
      default -> throw new IllegalArgumentException("no generator for kernel " + kernel);
    }
  }

  private static byte[] operands(int count, int width, Random rnd) {
    byte[] b = new byte[count * width];
    rnd.nextBytes(b);
    for (int i = 0; i < count; i++) {
      b[i * width] |= (byte) 0x80; // full width: the product uses every limb
    }
    return b;
  }

  private static byte[] floats(int n, Random rnd) {
    float[] f = new float[n];
    for (int i = 0; i < n; i++) {
      f[i] = rnd.nextFloat() * 2 - 1;
    }
    return LittleEndian.bytes(f);
  }
}
