package dev.gpucc.server.exec.cuda;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeFalse;

import dev.gpucc.proto.v1.ExecutorKind;
import dev.gpucc.server.exec.CpuExecutor;
import dev.gpucc.server.exec.ExecutionException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class CudaExecutorFactoryTest {
  private static boolean hasLibcuda() {
    for (String dir : new String[] {"/usr/lib/x86_64-linux-gnu", "/usr/lib64", "/usr/lib",
        "/usr/local/nvidia/lib64", "/usr/lib/wsl/lib"}) {
      if (Files.exists(Path.of(dir, "libcuda.so.1"))) {
        return true;
      }
    }
    return false;
  }

  @Test
  void withoutDriver_fallsBackToCpu_andSaysWhy() {
    assumeFalse(hasLibcuda(), "this machine has the NVIDIA driver");
    CudaExecutorFactory.Selection s = CudaExecutorFactory.select(CudaConfig.DEFAULTS);
    assertThat(s.isCuda()).isFalse();
    assertThat(s.executor()).isInstanceOf(CpuExecutor.class);
    assertThat(s.executor().info().getKind()).isEqualTo(ExecutorKind.EXECUTOR_KIND_CPU);
    assertThat(s.reason()).startsWith("no CUDA device: ").endsWith("; using the CPU executor");
    System.out.println("selection on this machine: " + s.reason());
    // A second attempt (class already failed to initialize) gives the same answer.
    assertThat(CudaExecutorFactory.select(CudaConfig.DEFAULTS).reason()).startsWith("no CUDA device: ");
  }

  @Test
  void driverError_fallsBackToCpu_withTheMappedMessage() {
    CudaExecutorFactory.Selection s = CudaExecutorFactory.select(CudaConfig.DEFAULTS,
        c -> { throw CudaErrors.error(100, "initializing the CUDA driver", ExecutionException.Kind.DEVICE_ERROR); });
    assertThat(s.reason()).isEqualTo("no CUDA device: CUDA_ERROR_NO_DEVICE (100) while initializing the CUDA "
        + "driver: no CUDA-capable device; using the CPU executor");
  }

  @Test
  void linkError_fallsBackToCpu() {
    CudaExecutorFactory.Selection s = CudaExecutorFactory.select(CudaConfig.DEFAULTS,
        c -> { throw new UnsatisfiedLinkError("libcuda.so.1: cannot open shared object file\nmore"); });
    assertThat(s.reason()).isEqualTo("no CUDA device: cannot load the CUDA driver library (UnsatisfiedLinkError: "
        + "libcuda.so.1: cannot open shared object file); using the CPU executor");
  }
}
