package dev.gpucc.server.exec.cuda;

import com.google.protobuf.ByteString;
import dev.gpucc.kernels.KernelCatalog;
import dev.gpucc.kernels.KernelDefinition;
import dev.gpucc.kernels.KernelLimits;
import dev.gpucc.kernels.SampleJobs;
import dev.gpucc.proto.v1.CustomKernelParams;
import dev.gpucc.proto.v1.Dim3;
import dev.gpucc.proto.v1.JobSpec;
import dev.gpucc.proto.v1.KernelArg;
import dev.gpucc.server.exec.ExecutionException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Random;

/**
 * The custom-PTX and failure paths of the GPU check: a valid custom kernel, malformed PTX, an
 * out-of-bounds write (sticky error, then the context reset must let the next job run), and a
 * kernel that outlives its deadline (TIMEOUT, then again a healthy job).
 */
final class GpuFaultChecks {
  /** Receives one table row (kernel, sizes, GPU ms, CPU ms, throughput, correct). */
  interface Rows {
    void row(String kernel, String sizes, String gpuMs, String cpuMs, String throughput, String correct);
  }

  private final CudaExecutor gpu;
  private final Rows rows;
  private final Random rnd = new Random(99);

  GpuFaultChecks(CudaExecutor gpu, Rows rows) {
    this.gpu = gpu;
    this.rows = rows;
  }

  void runAll() {
    customMatchesBuiltIn();
    expectFailure("custom: bad PTX", badPtx(), ExecutionException.Kind.KERNEL_FAILED, "CUDA_ERROR_");
    expectFailure("custom: out of bounds", fault("oob", 0), ExecutionException.Kind.KERNEL_FAILED, "");
    healthyAfter("after out-of-bounds");
    expectFailure("custom: deadline", fault("spin", 6_000_000_000L), ExecutionException.Kind.TIMEOUT, "");
    healthyAfter("after deadline");
  }

  private void customMatchesBuiltIn() {
    int n = 100_003;
    SampleJobs.Sample s = SampleJobs.generate("vector-add", n, 1, rnd);
    try {
      KernelDefinition k = KernelCatalog.builtIn().find("vector-add").orElseThrow();
      List<byte[]> want = k.runOnCpu(s.spec(), s.inputs(), KernelLimits.DEFAULTS);
      CudaExecutor.Timed got = gpu.executeTimed(null, GpuCheck.customVectorAdd(n), s.inputs(),
          GpuCheck.context("custom", Duration.ofMinutes(1)));
      rows.row("custom: vector_add PTX", n + " floats", String.format("%.3f", got.kernelMillis()), "-", "-",
          GpuCheck.same(want, got.outputs()) ? "yes" : "NO: outputs differ from the CPU reference");
    } catch (Exception e) {
      rows.row("custom: vector_add PTX", n + " floats", "-", "-", "-", "NO: " + e.getMessage());
    }
  }

  private static JobSpec badPtx() {
    return custom(".version 8.0\n.target sm_90\nthis is not ptx\n", "nothing", 0);
  }

  private static JobSpec fault(String entry, long cycles) {
    return custom(new String(GpuCheck.faultPtx(), StandardCharsets.UTF_8), entry, cycles);
  }

  private static JobSpec custom(String ptx, String entry, long cycles) {
    CustomKernelParams.Builder p = CustomKernelParams.newBuilder().setPtx(ByteString.copyFromUtf8(ptx))
        .setEntry(entry).setGrid(Dim3.newBuilder().setX(1).setY(1).setZ(1))
        .setBlock(Dim3.newBuilder().setX(1).setY(1).setZ(1))
        .addArgs(KernelArg.newBuilder().setOutputBytes(4));
    if (cycles > 0) {
      p.addArgs(KernelArg.newBuilder().setU64(cycles));
    }
    return JobSpec.newBuilder().setKernel(CudaExecutor.CUSTOM).setCustom(p).build();
  }

  private void expectFailure(String name, JobSpec spec, ExecutionException.Kind kind, String mustContain) {
    long t0 = System.nanoTime();
    try {
      gpu.executeTimed(null, spec, List.of(), GpuCheck.context(name, Duration.ofSeconds(1)));
      rows.row(name, "1 thread", "-", "-", "-", "NO: the job succeeded");
    } catch (ExecutionException e) {
      boolean ok = e.kind() == kind && e.getMessage().contains(mustContain);
      rows.row(name, "1 thread", String.format("(e2e %.1f)", (System.nanoTime() - t0) / 1e6), "-", "-",
          (ok ? "yes: " : "NO: ") + GpuCheck.describe(e));
    } catch (Exception e) {
      rows.row(name, "1 thread", "-", "-", "-", "NO: " + e);
    }
  }

  private void healthyAfter(String when) {
    SampleJobs.Sample s = SampleJobs.generate("sgemm", 64, 1, rnd);
    KernelDefinition k = KernelCatalog.builtIn().find("sgemm").orElseThrow();
    try {
      List<byte[]> want = k.runOnCpu(s.spec(), s.inputs(), KernelLimits.DEFAULTS);
      CudaExecutor.Timed got = gpu.executeTimed(k, s.spec(), s.inputs(),
          GpuCheck.context("healthy", Duration.ofMinutes(1)));
      rows.row("sgemm " + when, s.sizes(), String.format("%.3f", got.kernelMillis()), "-", "-",
          GpuCheck.same(want, got.outputs()) ? "yes" : "NO: outputs differ from the CPU reference");
    } catch (Exception e) {
      rows.row("sgemm " + when, s.sizes(), "-", "-", "-", "NO: " + e.getMessage());
    }
  }
}
