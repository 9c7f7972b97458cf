package dev.gpucc.kernels.bench;

import dev.gpucc.kernels.KernelCatalog;
import dev.gpucc.kernels.KernelDefinition;
import dev.gpucc.kernels.KernelLimits;
import dev.gpucc.kernels.SampleJobs;
import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * CPU reference timings of every catalog kernel (the CPU executor's speed, and the baseline the
 * GPU check compares against). Run: see docs/BENCHMARKS.md.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Fork(1)
@Warmup(iterations = 2, time = 1)
@Measurement(iterations = 3, time = 1)
public class CpuReferenceBenchmark {
  /** kernel:size:count, as SampleJobs.generate takes them. */
  @Param({
    "prime-multiply:256:4096", // 4096 pairs of 2048-bit operands
    "prime-multiply:131072:1", // one 1,048,576-bit product
    "vector-add:1048576:1",
    "saxpy:1048576:1",
    "sgemm:256:1",
    "sha256-batch:64:16384",
    "reduce-sum:1048576:1"
  })
  public String job;

  private KernelDefinition kernel;
  private SampleJobs.Sample sample;
  private final KernelLimits limits = new KernelLimits(1 << 21, 1 << 20, 1L << 30, 1L << 30);

  @Setup
  public void setUp() {
    String[] p = job.split(":");
    kernel = KernelCatalog.builtIn().find(p[0]).orElseThrow();
    sample = SampleJobs.generate(p[0], Integer.parseInt(p[1]), Integer.parseInt(p[2]), new Random(1));
  }

  @Benchmark
  public List<byte[]> cpuReference() throws Exception {
    // saxpy updates y in a copy (LittleEndian.floats copies), so the inputs stay fixed.
    return kernel.runOnCpu(sample.spec(), sample.inputs(), limits);
  }
}
