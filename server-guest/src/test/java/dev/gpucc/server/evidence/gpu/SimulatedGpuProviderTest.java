package dev.gpucc.server.evidence.gpu;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.gpucc.attestation.Verdict;
import dev.gpucc.attestation.VerifyOptions;
import dev.gpucc.attestation.gpu.GpuEvidenceVerifier;
import dev.gpucc.attestation.gpu.sim.SimulatedNvidiaAuthority;
import dev.gpucc.proto.v1.GpuPolicy;
import dev.gpucc.server.evidence.EvidenceProviderException;
import java.security.SecureRandom;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class SimulatedGpuProviderTest {
  @Test
  void simulatedProvider_labelled_andSelfCheckPasses() throws Exception {
    SimulatedGpuProvider p = new SimulatedGpuProvider(SimulatedNvidiaAuthority.generate(), 2);
    assertThat(p.simulated()).isTrue();
    assertThat(p.name()).isEqualTo("simulated-gpu");
    assertThat(p.gpus()).allMatch(g -> g.getEvidenceSimulated());
    assertThat(p.collect(1, new byte[32]).getSimulated()).isTrue();
    Verdict v = new GpuSelfCheck(new GpuEvidenceVerifier(
        VerifyOptions.builder().allowSimulatedAcknowledgingNoHardwareProtection(true).build()),
        GpuPolicy.newBuilder().setGpuCount(2).build(), new SecureRandom()).run(p, Optional.empty());
    assertThat(v.simulated()).isTrue();
    assertThatThrownBy(() -> p.collect(2, new byte[32])).isInstanceOf(EvidenceProviderException.class);
  }
}
