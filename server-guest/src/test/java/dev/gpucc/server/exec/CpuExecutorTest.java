package dev.gpucc.server.exec;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.gpucc.kernels.KernelCatalog;
import dev.gpucc.kernels.KernelDefinition;
import dev.gpucc.kernels.KernelLimits;
import dev.gpucc.proto.v1.JobSpec;
import dev.gpucc.kernels.SampleJobs;
import java.time.Instant;
import java.util.Random;
import org.junit.jupiter.api.Test;

class CpuExecutorTest {
  private static JobContext context(boolean cancelled) {
    return new JobContext("job-1", KernelLimits.DEFAULTS, Instant.now().plusSeconds(60), () -> cancelled,
        (phase, f, msg) -> {});
  }

  @Test
  void runsEveryCatalogKernel_likeItsReference() throws Exception {
    CpuExecutor cpu = new CpuExecutor();
    Random rnd = new Random(1);
    for (KernelDefinition k : KernelCatalog.builtIn().all()) {
      SampleJobs.Sample s = SampleJobs.generate(k.name(), 100, 3, rnd);
      assertThat(cpu.supports(k.name())).isTrue();
      var out = cpu.execute(k, s.spec(), s.inputs(), context(false));
      assertThat(out).usingRecursiveComparison().isEqualTo(k.runOnCpu(s.spec(), s.inputs(), KernelLimits.DEFAULTS));
    }
  }

  @Test
  void custom_isUnsupported_withoutGpu() {
    assertThat(new CpuExecutor().supports("custom")).isFalse();
    assertThatThrownBy(() -> new CpuExecutor().execute(null, JobSpec.getDefaultInstance(), java.util.List.of(),
            context(false)))
        .isInstanceOf(ExecutionException.class)
        .hasMessageContaining("custom PTX kernels need a GPU")
        .extracting(e -> ((ExecutionException) e).kind()).isEqualTo(ExecutionException.Kind.UNSUPPORTED);
  }

  @Test
  void cancelledJob_isNotRun() {
    KernelDefinition k = KernelCatalog.builtIn().find("vector-add").orElseThrow();
    SampleJobs.Sample s = SampleJobs.generate(k.name(), 100, 3, new Random(2));
    assertThatThrownBy(() -> new CpuExecutor().execute(k, s.spec(), s.inputs(), context(true)))
        .hasMessageContaining("job job-1 was cancelled");
  }
}
