package dev.gpucc.server.exec.cuda;

import com.google.protobuf.ByteString;
import dev.gpucc.kernels.KernelCatalog;
import dev.gpucc.kernels.KernelDefinition;
import dev.gpucc.kernels.KernelLimits;
import dev.gpucc.kernels.SampleJobs;
import dev.gpucc.kernels.VectorAddKernel;
import dev.gpucc.proto.v1.CustomKernelParams;
import dev.gpucc.proto.v1.Dim3;
import dev.gpucc.proto.v1.JobSpec;
import dev.gpucc.proto.v1.KernelArg;
import dev.gpucc.server.exec.ExecutionException;
import dev.gpucc.server.exec.JobContext;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * The GPU check (scripts/gpu-check.sh): runs every catalog kernel on the GPU against its CPU
 * reference on fresh random inputs, with output buffers poisoned (0xFF) before each launch,
 * times the kernels with CUDA events, checks custom PTX and the fault paths (bad PTX, an
 * out-of-bounds write followed by a healthy job, a deadline), and prints a table.
 *
 * <p>Usage: {@code GpuCheck [--cpu-only] [--quick] [--seed N]}. Exit code 0 when every case is
 * correct, 1 when one is not, 2 when no GPU was found (and --cpu-only was not given).
 */
public final class GpuCheck {
  private static final KernelLimits LIMITS = new KernelLimits(1 << 21, 1 << 20, 1L << 30, 1L << 30);
  private final PrintStream out;
  private final Random rnd;
  private final List<String[]> rows = new ArrayList<>();
  private boolean allCorrect = true;

  private GpuCheck(PrintStream out, long seed) {
    this.out = out;
    this.rnd = new Random(seed);
  }

  public static void main(String[] args) {
    System.exit(run(args, System.out));
  }

  static int run(String[] args, PrintStream out) {
    boolean cpuOnly = false;
    boolean quick = false;
    long seed = System.nanoTime();
    for (int i = 0; i < args.length; i++) {
      switch (args[i]) {
        case "--cpu-only" -> cpuOnly = true;
        case "--quick" -> quick = true;
        case "--seed" -> seed = Long.parseLong(args[++i]);
        default -> {
          out.println("usage: GpuCheck [--cpu-only] [--quick] [--seed N]");
          return 64;
        }
      }
    }
    out.println("gpucc GPU check, seed " + seed + (quick ? ", quick sizes" : ""));
    CudaExecutor gpu = null;
    if (!cpuOnly) {
      CudaExecutorFactory.Selection s = CudaExecutorFactory.select(CudaConfig.DEFAULTS.withPoisonOutputs(true));
      out.println(s.reason());
      if (!s.isCuda()) {
        return 2;
      }
      gpu = (CudaExecutor) s.executor();
    }
    GpuCheck check = new GpuCheck(out, seed);
    for (GpuCheckCases.Case c : GpuCheckCases.cases(quick)) {
      check.runCase(gpu, c);
    }
    if (gpu != null) {
      new GpuFaultChecks(gpu, check::row).runAll();
    }
    check.printTable();
    return check.allCorrect ? 0 : 1;
  }

  static JobContext context(String id, Duration timeout) {
    return new JobContext(id, LIMITS, Instant.now().plus(timeout), () -> false, (p, f, m) -> {});
  }

  private void runCase(CudaExecutor gpu, GpuCheckCases.Case c) {
    KernelDefinition k = KernelCatalog.builtIn().find(c.kernel()).orElseThrow();
    SampleJobs.Sample s = SampleJobs.generate(c.kernel(), c.size(), c.count(), rnd);
    try {
      k.runOnCpu(s.spec(), copy(s.inputs()), LIMITS); // warm-up: time the JIT-compiled reference
      long t0 = System.nanoTime();
      List<byte[]> want = k.runOnCpu(s.spec(), copy(s.inputs()), LIMITS);
      double cpuMs = (System.nanoTime() - t0) / 1e6;
      if (gpu == null) {
        row(c.kernel(), s.sizes(), "-", String.format("%.3f", cpuMs),
            GpuCheckCases.throughput(c, cpuMs) + " (cpu)", "cpu-only");
        return;
      }
      gpu.executeTimed(k, s.spec(), copy(s.inputs()), context("warm-up", Duration.ofMinutes(2)));
      long t1 = System.nanoTime();
      CudaExecutor.Timed got = gpu.executeTimed(k, s.spec(), copy(s.inputs()),
          context("check", Duration.ofMinutes(2)));
      double e2eMs = (System.nanoTime() - t1) / 1e6;
      boolean ok = same(want, got.outputs());
      row(c.kernel(), s.sizes(), String.format("%.3f (e2e %.1f)", got.kernelMillis(), e2eMs),
          String.format("%.3f", cpuMs), GpuCheckCases.throughput(c, got.kernelMillis()),
          ok ? "yes" : "NO: outputs differ from the CPU reference");
    } catch (Exception | LinkageError e) {
      row(c.kernel(), s.sizes(), "-", "-", "-", "NO: " + e.getMessage());
    }
  }

  void row(String kernel, String sizes, String gpuMs, String cpuMs, String throughput, String correct) {
    rows.add(new String[] {kernel, sizes, gpuMs, cpuMs, throughput, correct});
    if (!correct.equals("yes") && !correct.equals("cpu-only")) {
      allCorrect = false;
    }
  }

  private static List<byte[]> copy(List<byte[]> in) {
    return in.stream().map(byte[]::clone).toList();
  }

  static boolean same(List<byte[]> a, List<byte[]> b) {
    if (a.size() != b.size()) {
      return false;
    }
    for (int i = 0; i < a.size(); i++) {
      if (!java.util.Arrays.equals(a.get(i), b.get(i))) {
        return false;
      }
    }
    return true;
  }

  private void printTable() {
    String[] head = {"kernel", "sizes", "GPU ms (events)", "CPU ms", "throughput", "correct"};
    int[] w = new int[head.length];
    for (int i = 0; i < head.length; i++) {
      w[i] = head[i].length();
      for (String[] r : rows) {
        w[i] = Math.max(w[i], r[i].length());
      }
    }
    out.println();
    printRow(head, w);
    String[] sep = new String[head.length];
    for (int i = 0; i < head.length; i++) {
      sep[i] = "-".repeat(w[i]);
    }
    printRow(sep, w);
    rows.forEach(r -> printRow(r, w));
    out.println(allCorrect ? "ALL CORRECT" : "FAILURES: see the 'correct' column");
  }

  private void printRow(String[] r, int[] w) {
    StringBuilder b = new StringBuilder("| ");
    for (int i = 0; i < r.length; i++) {
      b.append(String.format("%-" + w[i] + "s", r[i])).append(" | ");
    }
    out.println(b.toString().stripTrailing());
  }

  /** The valid custom job used by the fault checks: vector_add's PTX submitted as client PTX. */
  static JobSpec customVectorAdd(int n) {
    byte[] ptx = new VectorAddKernel().ptx().orElseThrow();
    return JobSpec.newBuilder().setKernel(CudaExecutor.CUSTOM).setCustom(CustomKernelParams.newBuilder()
        .setPtx(ByteString.copyFrom(ptx)).setEntry(VectorAddKernel.ENTRY)
        .setGrid(Dim3.newBuilder().setX((n + 255) / 256).setY(1).setZ(1))
        .setBlock(Dim3.newBuilder().setX(256).setY(1).setZ(1))
        .addArgs(KernelArg.newBuilder().setInputIndex(0)).addArgs(KernelArg.newBuilder().setInputIndex(1))
        .addArgs(KernelArg.newBuilder().setOutputBytes(4L * n)).addArgs(KernelArg.newBuilder().setU64(n)))
        .build();
  }

  static byte[] faultPtx() {
    try (InputStream in = GpuCheck.class.getResourceAsStream("check_faults.ptx")) {
      return in.readAllBytes();
    } catch (IOException | NullPointerException e) {
      throw new IllegalStateException("check_faults.ptx is not packaged", e);
    }
  }

  static String describe(ExecutionException e) {
    return e.kind() + ": " + e.getMessage();
  }
}
