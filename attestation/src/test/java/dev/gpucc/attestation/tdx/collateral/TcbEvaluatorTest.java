package dev.gpucc.attestation.tdx.collateral;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class TcbEvaluatorTest {
  @Test
  void convergence_asQvl() {
    assertThat(TcbEvaluator.converge("UpToDate", null)).isEqualTo("UpToDate");
    assertThat(TcbEvaluator.converge("UpToDate", "UpToDate")).isEqualTo("UpToDate");
    assertThat(TcbEvaluator.converge("UpToDate", "OutOfDate")).isEqualTo("OutOfDate");
    assertThat(TcbEvaluator.converge("SWHardeningNeeded", "OutOfDate")).isEqualTo("OutOfDate");
    assertThat(TcbEvaluator.converge("ConfigurationNeeded", "OutOfDate")).isEqualTo("OutOfDateConfigurationNeeded");
    assertThat(TcbEvaluator.converge("ConfigurationAndSWHardeningNeeded", "OutOfDate"))
        .isEqualTo("OutOfDateConfigurationNeeded");
    assertThat(TcbEvaluator.converge("UpToDate", "Revoked")).isEqualTo("Revoked");
    assertThat(TcbEvaluator.converge("OutOfDate", "OutOfDate")).isEqualTo("OutOfDate");
  }
}
