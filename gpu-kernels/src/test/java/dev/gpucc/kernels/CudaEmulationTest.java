package dev.gpucc.kernels;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.gpucc.proto.v1.JobSpec;
import java.io.IOException;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Runs the CUDA kernels of src/main/cuda, unchanged, on the CPU under a small emulation of the
 * CUDA execution model (src/test/emulation: one std::thread per CUDA thread, barriers for
 * __syncthreads) with the launch configurations of the GPU executor, and compares them byte for
 * byte with the Java CPU references. This checks the kernels' indexing, carries, padding and
 * reduction order without a GPU; it does not check the GPU itself. Skipped without g++.
 */
class CudaEmulationTest {
  private static Path dir;
  private static Path emu;
  private final Random rnd = new Random(11);

  @BeforeAll
  static void build() throws Exception {
    assumeTrue(Files.isExecutable(Path.of("/usr/bin/g++")), "g++ is not installed");
    dir = Path.of("target", "emu").toAbsolutePath();
    emu = dir.resolve("emu");
    Path script = Path.of("src", "test", "emulation", "build.sh").toAbsolutePath();
    run(List.of("bash", script.toString(), dir.toString()));
  }

  private static void run(List<String> cmd) throws IOException, InterruptedException {
    Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
    String log = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(p.waitFor()).as(String.join(" ", cmd) + "\n" + log).isZero();
  }

  private static String file(String name, byte[] data) throws IOException {
    Path f = dir.resolve(name);
    Files.write(f, data);
    return f.toString();
  }

  private static byte[] emulate(String... args) throws Exception {
    List<String> cmd = new ArrayList<>(List.of(emu.toString()));
    cmd.addAll(List.of(args));
    run(cmd);
    return Files.readAllBytes(Path.of(args[args.length - 1]));
  }

  private static String out() {
    return dir.resolve("out.bin").toString();
  }

  private static byte[] cpu(SampleJobs.Sample s) throws Exception {
    KernelDefinition k = KernelCatalog.builtIn().find(s.spec().getKernel()).orElseThrow();
    return k.runOnCpu(s.spec(), s.inputs(), KernelLimits.DEFAULTS).get(0);
  }

  @Test
  void vectorAddAndSaxpy() throws Exception {
    for (int n : new int[] {1, 255, 257, 4097}) {
      SampleJobs.Sample s = SampleJobs.generate("vector-add", n, 1, rnd);
      assertThat(emulate("vector_add", file("a", s.inputs().get(0)), file("b", s.inputs().get(1)), out()))
          .isEqualTo(cpu(s));
      SampleJobs.Sample x = SampleJobs.generate("saxpy", n, 1, rnd);
      assertThat(emulate("saxpy", Float.toString(x.spec().getSaxpy().getAlpha()),
              file("x", x.inputs().get(0)), file("y", x.inputs().get(1)), out()))
          .isEqualTo(cpu(x));
    }
  }

  @Test
  void sgemm_oddShapes_andBetaZero() throws Exception {
    int[][] shapes = {{1, 1, 1}, {17, 33, 15}, {16, 16, 16}, {5, 40, 33}};
    for (int[] sh : shapes) {
      for (float beta : new float[] {0.5f, 0f}) {
        SampleJobs.Sample base = SampleJobs.generate("sgemm", 1, 1, rnd);
        JobSpec spec = base.spec().toBuilder().setSgemm(base.spec().getSgemm().toBuilder()
            .setM(sh[0]).setN(sh[1]).setK(sh[2]).setAlpha(-1.25f).setBeta(beta)).build();
        byte[] a = floats(sh[0] * sh[2]);
        byte[] b = floats(sh[2] * sh[1]);
        byte[] c = floats(sh[0] * sh[1]);
        SampleJobs.Sample s = new SampleJobs.Sample(spec, List.of(a, b, c), "");
        assertThat(emulate("sgemm", "" + sh[0], "" + sh[1], "" + sh[2], "-1.25", Float.toString(beta),
                file("A", a), file("B", b), file("C", c), out()))
            .as("shape %dx%dx%d beta %s", sh[0], sh[1], sh[2], beta).isEqualTo(cpu(s));
      }
    }
  }

  @Test
  void sha256_paddingBoundaries() throws Exception {
    for (int len : new int[] {0, 1, 55, 56, 63, 64, 65, 119, 120, 200}) {
      SampleJobs.Sample s = SampleJobs.generate("sha256-batch", len, 130, rnd);
      assertThat(emulate("sha256", "" + len, "130", file("m", s.inputs().get(0)), out()))
          .as("len %d", len).isEqualTo(cpu(s));
    }
  }

  @Test
  void reduceSum_multiplePasses_andNegativeZero() throws Exception {
    for (int n : new int[] {0, 1, 255, 4096, 4097, 3 * 4096 + 5, 4096 * 4097 / 64}) {
      SampleJobs.Sample s = SampleJobs.generate("reduce-sum", n, 1, rnd);
      assertThat(emulate("reduce", file("v", s.inputs().get(0)), out())).as("n %d", n).isEqualTo(cpu(s));
    }
    byte[] negZero = LittleEndian.bytes(new double[] {-0.0});
    assertThat(emulate("reduce", file("z", negZero), out())).isEqualTo(LittleEndian.bytes(new double[] {0.0}));
  }

  @Test
  void primeMultiply_kernelAndKaratsubaPath() throws Exception {
    // The GPU executor's exact path: KaratsubaPlan with the kernel as the batch multiplier.
    BatchMultiplier<Exception> kernel = (limbs, pairs, a, b) -> {
      byte[] out = emulate("pm", "" + limbs, "" + pairs, file("pa", le(a)), file("pb", le(b)), out());
      int[] r = new int[out.length / 4];
      java.nio.ByteBuffer.wrap(out).order(java.nio.ByteOrder.LITTLE_ENDIAN).asIntBuffer().get(r);
      return r;
    };
    for (int bits : new int[] {8, 40, 1000, 8192, 8800, 20000}) {
      int pairs = bits > 8192 ? 1 : 5;
      BigInteger[] a = new BigInteger[pairs];
      BigInteger[] b = new BigInteger[pairs];
      for (int i = 0; i < pairs; i++) {
        a[i] = i == 0 ? BigInteger.ONE.shiftLeft(bits).subtract(BigInteger.ONE) : new BigInteger(bits, rnd);
        b[i] = i == 0 ? a[0] : new BigInteger(bits, rnd);
      }
      BigInteger[] p = KaratsubaPlan.multiplyAll(a, b, KaratsubaPlan.DEFAULT_THRESHOLD_LIMBS, kernel);
      for (int i = 0; i < pairs; i++) {
        assertThat(p[i]).as("bits %d pair %d", bits, i).isEqualTo(a[i].multiply(b[i]));
      }
    }
  }

  private byte[] floats(int n) {
    float[] f = new float[n];
    for (int i = 0; i < n; i++) {
      f[i] = rnd.nextFloat() * 2 - 1;
    }
    return LittleEndian.bytes(f);
  }

  private static byte[] le(int[] v) {
    java.nio.ByteBuffer b = java.nio.ByteBuffer.allocate(4 * v.length).order(java.nio.ByteOrder.LITTLE_ENDIAN);
    b.asIntBuffer().put(v);
    return b.array();
  }
}
