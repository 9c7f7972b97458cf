package dev.gpucc.kernels;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.gpucc.proto.v1.JobSpec;
import dev.gpucc.proto.v1.ReduceSumParams;
import dev.gpucc.proto.v1.SaxpyParams;
import dev.gpucc.proto.v1.SgemmParams;
import dev.gpucc.proto.v1.VectorAddParams;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class FloatKernelsTest {
  private final Random rnd = new Random(3);

  private float[] randomFloats(int n) {
    float[] f = new float[n];
    for (int i = 0; i < n; i++) {
      f[i] = (rnd.nextFloat() - 0.5f) * 100f;
    }
    return f;
  }

  @Test
  void vectorAdd_matchesLoop() throws Exception {
    for (int n : new int[] {0, 1, 255, 256, 257, 100_003}) {
      float[] a = randomFloats(n);
      float[] b = randomFloats(n);
      float[] c = LittleEndian.floats(new VectorAddKernel().runOnCpu(
          JobSpec.newBuilder().setVectorAdd(VectorAddParams.getDefaultInstance()).build(),
          List.of(LittleEndian.bytes(a), LittleEndian.bytes(b)), KernelLimits.DEFAULTS).get(0));
      for (int i = 0; i < n; i++) {
        assertThat(c[i]).isEqualTo(a[i] + b[i]);
      }
    }
  }

  @Test
  void saxpy_matchesFusedMultiplyAdd() throws Exception {
    float alpha = 1.7f;
    for (int n : new int[] {1, 3, 1025}) {
      float[] x = randomFloats(n);
      float[] y = randomFloats(n);
      float[] out = LittleEndian.floats(new SaxpyKernel().runOnCpu(
          JobSpec.newBuilder().setSaxpy(SaxpyParams.newBuilder().setAlpha(alpha)).build(),
          List.of(LittleEndian.bytes(x), LittleEndian.bytes(y)), KernelLimits.DEFAULTS).get(0));
      for (int i = 0; i < n; i++) {
        // alpha*x is exact in double (24+24 bits); one rounding to float after the add.
        assertThat(out[i]).isEqualTo((float) ((double) alpha * x[i] + y[i]));
      }
    }
  }

  @Test
  void sgemm_matchesNaiveLoop_bitExact_andDoubleApprox() throws Exception {
    int[][] shapes = {{1, 1, 1}, {3, 5, 7}, {16, 16, 16}, {17, 33, 15}, {40, 20, 70}};
    for (int[] s : shapes) {
      int m = s[0];
      int n = s[1];
      int k = s[2];
      float[] a = randomFloats(m * k);
      float[] b = randomFloats(k * n);
      float[] c = randomFloats(m * n);
      float alpha = 0.5f;
      float beta = -2f;
      float[] out = LittleEndian.floats(new SgemmKernel().runOnCpu(
          JobSpec.newBuilder().setSgemm(SgemmParams.newBuilder().setM(m).setN(n).setK(k)
              .setAlpha(alpha).setBeta(beta)).build(),
          List.of(LittleEndian.bytes(a), LittleEndian.bytes(b), LittleEndian.bytes(c)),
          KernelLimits.DEFAULTS).get(0));
      for (int r = 0; r < m; r++) {
        for (int col = 0; col < n; col++) {
          float acc = 0f;
          double exact = 0;
          for (int kk = 0; kk < k; kk++) {
            acc = Math.fma(a[r * k + kk], b[kk * n + col], acc);
            exact += (double) a[r * k + kk] * b[kk * n + col];
          }
          float want = Math.fma(beta, c[r * n + col], alpha * acc);
          assertThat(out[r * n + col]).isEqualTo(want);
          assertThat((double) out[r * n + col])
              .isCloseTo(alpha * exact + beta * c[r * n + col], org.assertj.core.data.Offset.offset(1e-2));
        }
      }
    }
  }

  @Test
  void sgemm_betaZero_ignoresNaNInC() {
    float[] out = SgemmKernel.multiply(1, 1, 2, 2f, 0f, new float[] {1f, 2f}, new float[] {3f, 4f},
        new float[] {Float.NaN});
    assertThat(out[0]).isEqualTo(22f);
  }

  @Test
  void sgemm_rejectsWrongShapes() {
    JobSpec s = JobSpec.newBuilder().setSgemm(SgemmParams.newBuilder().setM(2).setN(2).setK(2)).build();
    assertThatThrownBy(() -> new SgemmKernel().validate(s, List.of(new byte[16], new byte[12], new byte[16]),
            KernelLimits.DEFAULTS))
        .hasMessageContaining("B has 12 bytes; a 2x2 float32 matrix has 16");
    JobSpec zero = JobSpec.newBuilder().setSgemm(SgemmParams.newBuilder().setM(0).setN(2).setK(2)).build();
    assertThatThrownBy(() -> new SgemmKernel().validate(zero, List.of(new byte[0], new byte[16], new byte[0]),
            KernelLimits.DEFAULTS))
        .hasMessageContaining("m is 0; it must be 1..65536");
  }

  @Test
  void floatKernels_rejectRaggedAndMismatchedInputs() {
    JobSpec va = JobSpec.newBuilder().setVectorAdd(VectorAddParams.getDefaultInstance()).build();
    assertThatThrownBy(() -> new VectorAddKernel().validate(va, List.of(new byte[6], new byte[6]),
            KernelLimits.DEFAULTS))
        .hasMessageContaining("input a has 6 bytes, not a whole number of float32 values");
    assertThatThrownBy(() -> new VectorAddKernel().validate(va, List.of(new byte[8], new byte[4]),
            KernelLimits.DEFAULTS))
        .hasMessageContaining("a and b differ in length (8 and 4 bytes)");
    assertThatThrownBy(() -> new VectorAddKernel().validate(
            JobSpec.newBuilder().setSaxpy(SaxpyParams.getDefaultInstance()).build(),
            List.of(new byte[8], new byte[8]), KernelLimits.DEFAULTS))
        .hasMessageContaining("vector-add takes vector_add params, got SAXPY");
    assertThatThrownBy(() -> new ReduceSumKernel().validate(JobSpec.getDefaultInstance(),
            List.of(new byte[8], new byte[8]), KernelLimits.DEFAULTS))
        .hasMessageContaining("reduce-sum takes 1 input (values), got 2");
  }

  @Test
  void reduceSum_exactOnIntegers_manySizes() throws Exception {
    for (int n : new int[] {0, 1, 255, 4095, 4096, 4097, 4096 * 300 + 11}) {
      double[] v = new double[n];
      long want = 0;
      for (int i = 0; i < n; i++) {
        v[i] = rnd.nextInt(2001) - 1000;
        want += (long) v[i];
      }
      byte[] out = new ReduceSumKernel().runOnCpu(
          JobSpec.newBuilder().setReduceSum(ReduceSumParams.getDefaultInstance()).build(),
          List.of(LittleEndian.bytes(v)), KernelLimits.DEFAULTS).get(0);
      assertThat(LittleEndian.doubles(out)[0]).as("n=%d", n).isEqualTo((double) want);
    }
  }

  @Test
  void reduceSum_followsTheDocumentedOrder() {
    // 1e16 + 1 + ... : the order decides the rounding. Chunk of 3 values: thread 0 gets x[0],
    // thread 1 x[1], thread 2 x[2]; tree: s0+=s128.., ..., s0 += s1 last: ((x0+x2) + x1).
    double[] v = {1e16, 1.0, 1.0};
    double want = (1e16 + 1.0) + 1.0; // x0 + x2 first (h=2 step), then + x1 (h=1)
    assertThat(ReduceSumKernel.sum(v)).isEqualTo(want);
    assertThat(ReduceSumKernel.pass(new double[ReduceSumKernel.CHUNK + 1])).hasSize(2);
  }
}
