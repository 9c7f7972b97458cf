package dev.gpucc.server.evidence.gpu;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.gpucc.attestation.Verdict;
import dev.gpucc.attestation.VerifyOptions;
import dev.gpucc.attestation.gpu.GpuEvidenceVerifier;
import dev.gpucc.proto.v1.GpuEvidence;
import dev.gpucc.proto.v1.GpuPolicy;
import dev.gpucc.server.evidence.EvidenceProviderException;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class NvmlGpuEvidenceProviderTest {
  private static final VerifyOptions SIM_OK =
      VerifyOptions.builder().allowSimulatedAcknowledgingNoHardwareProtection(true).build();

  @Test
  void structSizes_matchNvmlH() {
    assertThat(new NvmlStructs.ConfComputeSystemCaps().size()).isEqualTo(8);
    assertThat(new NvmlStructs.ConfComputeSystemState().size()).isEqualTo(12);
    assertThat(new NvmlStructs.SystemConfComputeSettings().size()).isEqualTo(20);
    assertThat(new NvmlStructs.ConfComputeGpuCertificate().size()).isEqualTo(9224);
    assertThat(new NvmlStructs.ConfComputeGpuAttestationReport().size()).isEqualTo(12332);
    assertThat(new NvmlStructs.Memory().size()).isEqualTo(24);
  }

  @Test
  void collect_returnsVerifiableEvidenceForTheNonce() throws Exception {
    FakeNvml fake = new FakeNvml();
    try (NvmlGpuEvidenceProvider p = NvmlGpuEvidenceProvider.open(fake)) {
      assertThat(p.gpus()).hasSize(2);
      assertThat(p.gpus().get(1).getUuid()).isEqualTo("GPU-fake-1");
      assertThat(p.gpus().get(0).getCcModeOn()).isTrue();
      assertThat(p.gpus().get(0).getTotalMemoryBytes()).isEqualTo(80L << 30);
      byte[] nonce = new byte[32];
      Arrays.fill(nonce, (byte) 0x5a);
      GpuEvidence e = p.collect(1, nonce);
      assertThat(e.getProvider()).isEqualTo("nvml");
      assertThat(e.getIndex()).isEqualTo(1);
      Verdict.Builder out = Verdict.builder();
      new GpuEvidenceVerifier(SIM_OK).verify(e, Optional.of(nonce), GpuPolicy.getDefaultInstance(), out);
      assertThat(out.build().reasons()).isEmpty();
    }
    assertThat(fake.shutDown).isTrue();
  }

  @Test
  void ccModeOff_saysSo() {
    FakeNvml fake = new FakeNvml();
    fake.ccFeature = 0;
    assertThatThrownBy(() -> NvmlGpuEvidenceProvider.open(fake))
        .isInstanceOf(EvidenceProviderException.class)
        .hasMessageContaining("confidential-computing mode is off (ccFeature=0)");
    assertThat(fake.shutDown).isTrue();
  }

  @Test
  void ccNotSupported_saysSo() {
    FakeNvml fake = new FakeNvml();
    fake.capsRc = 3;
    assertThatThrownBy(() -> NvmlGpuEvidenceProvider.open(fake))
        .isInstanceOf(EvidenceProviderException.class)
        .hasMessageContaining("does not support confidential computing")
        .hasMessageContaining("NVML_ERROR_NOT_SUPPORTED (3)");
  }

  @Test
  void driverNotLoaded_mappedThroughTable() {
    FakeNvml fake = new FakeNvml();
    fake.initRc = 9;
    assertThatThrownBy(() -> NvmlGpuEvidenceProvider.open(fake))
        .isInstanceOf(EvidenceProviderException.class)
        .hasMessage("nvmlInit_v2 failed: NVML_ERROR_DRIVER_NOT_LOADED (9): the NVIDIA kernel driver is not loaded");
  }

  @Test
  void reportError_mapped_andBadIndexRefused() throws Exception {
    FakeNvml fake = new FakeNvml();
    fake.reportRc = 4;
    try (NvmlGpuEvidenceProvider p = NvmlGpuEvidenceProvider.open(fake)) {
      assertThatThrownBy(() -> p.collect(0, new byte[32]))
          .hasMessageContaining("NVML_ERROR_NO_PERMISSION (4)");
      assertThatThrownBy(() -> p.collect(7, new byte[32])).hasMessageContaining("no GPU with index 7");
    }
  }

  @Test
  void unknownReturnCode_described() {
    assertThat(NvmlReturnCodes.describe(12345)).isEqualTo("unknown NVML return code 12345");
  }

  @Test
  void noNvmlLibrary_saysSo() {
    // This machine (CI) has no NVIDIA driver; where one is installed the load succeeds.
    try {
      NvmlLoader.load();
    } catch (EvidenceProviderException e) {
      assertThat(e.getMessage()).contains("NVML (libnvidia-ml.so.1) is not available on this machine");
    }
  }

  @Test
  void selfCheck_setsReadyOnlyAfterVerification() throws Exception {
    FakeNvml fake = new FakeNvml();
    try (NvmlGpuEvidenceProvider p = NvmlGpuEvidenceProvider.open(fake)) {
      GpuSelfCheck check = new GpuSelfCheck(new GpuEvidenceVerifier(SIM_OK),
          GpuPolicy.newBuilder().setRequireGpu(true).setGpuCount(2).build(), new SecureRandom());
      Verdict v = check.run(p, Optional.of(p::setGpusReady));
      assertThat(v.accepted()).isTrue();
      assertThat(v.simulated()).isTrue();
      assertThat(p.gpusReady()).isTrue();
    }
  }

  @Test
  void selfCheck_rejectedEvidence_notReady() throws Exception {
    FakeNvml fake = new FakeNvml();
    fake.corruptReport = true;
    fake.readyState = 1;
    try (NvmlGpuEvidenceProvider p = NvmlGpuEvidenceProvider.open(fake)) {
      GpuSelfCheck check = new GpuSelfCheck(new GpuEvidenceVerifier(SIM_OK), GpuPolicy.getDefaultInstance(),
          new SecureRandom());
      assertThatThrownBy(() -> check.run(p, Optional.of(p::setGpusReady)))
          .isInstanceOf(EvidenceProviderException.class)
          .hasMessageContaining("GPU self-check failed (nvml)")
          .hasMessageContaining("GPU_SIGNATURE_INVALID");
      assertThat(p.gpusReady()).isFalse();
    }
  }

  @Test
  void selfCheck_devtoolsOn_rejectedUnlessAllowed() throws Exception {
    FakeNvml fake = new FakeNvml();
    fake.devToolsMode = 1;
    try (NvmlGpuEvidenceProvider p = NvmlGpuEvidenceProvider.open(fake)) {
      GpuSelfCheck strict = new GpuSelfCheck(new GpuEvidenceVerifier(SIM_OK), GpuPolicy.getDefaultInstance(),
          new SecureRandom());
      assertThatThrownBy(() -> strict.run(p, Optional.empty()))
          .hasMessageContaining("GPU_POLICY_DEVTOOLS");
      GpuSelfCheck lax = new GpuSelfCheck(new GpuEvidenceVerifier(SIM_OK),
          GpuPolicy.newBuilder().setAllowDevtools(true).build(), new SecureRandom());
      assertThat(lax.run(p, Optional.empty()).accepted()).isTrue();
    }
  }

  @Test
  void selfCheck_simulatedNotAllowed_fails() throws Exception {
    try (NvmlGpuEvidenceProvider p = NvmlGpuEvidenceProvider.open(new FakeNvml())) {
      GpuSelfCheck check = new GpuSelfCheck(new GpuEvidenceVerifier(VerifyOptions.defaults()),
          GpuPolicy.getDefaultInstance(), new SecureRandom());
      assertThatThrownBy(() -> check.run(p, Optional.empty())).hasMessageContaining("SIMULATED_NOT_ALLOWED");
    }
  }
}
