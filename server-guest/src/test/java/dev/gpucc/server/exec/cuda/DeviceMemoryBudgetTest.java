package dev.gpucc.server.exec.cuda;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.gpucc.server.exec.ExecutionException;
import org.junit.jupiter.api.Test;

class DeviceMemoryBudgetTest {
  @Test
  void perJobLimit() throws Exception {
    DeviceMemoryBudget b = new DeviceMemoryBudget(100, 1000);
    try (DeviceMemoryBudget.Job j = b.open("j1")) {
      j.reserve(60, "a");
      assertThatThrownBy(() -> j.reserve(41, "b"))
          .isInstanceOf(ExecutionException.class)
          .hasMessageContaining("job j1 needs 101 bytes of device memory (b); the limit per job is 100 bytes")
          .extracting(e -> ((ExecutionException) e).kind()).isEqualTo(ExecutionException.Kind.RESOURCE_EXHAUSTED);
      assertThat(b.inUse()).isEqualTo(60);
    }
    assertThat(b.inUse()).isZero();
  }

  @Test
  void serverLimit_acrossJobs_andReleaseOnClose() throws Exception {
    DeviceMemoryBudget b = new DeviceMemoryBudget(100, 150);
    DeviceMemoryBudget.Job j1 = b.open("j1");
    j1.reserve(100, "x");
    try (DeviceMemoryBudget.Job j2 = b.open("j2")) {
      assertThatThrownBy(() -> j2.reserve(60, "y"))
          .hasMessageContaining("device memory budget exhausted: 100 of 150 bytes in use");
      j2.reserve(50, "z");
    }
    j1.close();
    assertThat(b.inUse()).isZero();
  }
}
