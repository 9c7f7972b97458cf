package dev.gpucc.client.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class TargetOptionsTest {
  @Test
  void parsesHostPortAndIpv6() throws Exception {
    assertThat(TargetOptions.parseTarget("example.org:7443")).isEqualTo(new TargetOptions.HostPort("example.org", 7443));
    assertThat(TargetOptions.parseTarget("[::1]:80")).isEqualTo(new TargetOptions.HostPort("::1", 80));
  }

  @Test
  void rejectsMalformedTargets() {
    assertThatThrownBy(() -> TargetOptions.parseTarget("nohost")).hasMessageContaining("HOST:PORT");
    assertThatThrownBy(() -> TargetOptions.parseTarget("h:0")).hasMessageContaining("1..65535");
    assertThatThrownBy(() -> TargetOptions.parseTarget("h:x")).hasMessageContaining("1..65535");
  }
}
