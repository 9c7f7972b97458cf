package dev.gpucc.attestation.gpu.verify;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.gpucc.attestation.AttestationVerificationException;
import dev.gpucc.attestation.CertificateFiles;
import dev.gpucc.attestation.Reason;
import dev.gpucc.attestation.VerifyOptions;
import dev.gpucc.attestation.gpu.GpuVectors;
import dev.gpucc.attestation.gpu.rim.RimComparator;
import dev.gpucc.attestation.gpu.rim.RimParser;
import dev.gpucc.attestation.gpu.sim.SimulatedNvidiaAuthority;
import dev.gpucc.attestation.gpu.spdm.SpdmEvidenceParser;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class GpuCertChainVerifierTest {
  private static List<Reason> reasons(List<X509Certificate> chain, VerifyOptions o) {
    try {
      GpuCertChainVerifier.verify(chain, o);
      return List.of();
    } catch (AttestationVerificationException e) {
      return e.reasons();
    }
  }

  @Test
  void realChain_pinnedRoot() throws Exception {
    List<X509Certificate> chain = CertificateFiles.parse(GpuVectors.resource("gpu/h100-nvtrust-sample/hopperCertChain.txt"));
    assertThat(GpuCertChainVerifier.verify(chain, GpuVectors.options()))
        .isEqualTo(GpuCertChainVerifier.RootKind.NVIDIA_DEVICE_IDENTITY_CA);
    assertThat(NvidiaRoots.deviceIdentityCa().getSubjectX500Principal().getName())
        .contains("NVIDIA Device Identity CA");
  }

  @Test
  void empty_rejected() {
    assertThatThrownBy(() -> GpuCertChainVerifier.verify(List.of(), GpuVectors.options()))
        .isInstanceOfSatisfying(AttestationVerificationException.class,
            e -> assertThat(e.code()).isEqualTo("GPU_CHAIN_EMPTY"));
  }

  @Test
  void foreignChainEndingInNvidiaRoot_unknownRoot() {
    List<X509Certificate> chain = new ArrayList<>(SimulatedNvidiaAuthority.generate().chain(0).subList(0, 4));
    chain.add(NvidiaRoots.deviceIdentityCa());
    List<Reason> r = reasons(chain, GpuVectors.options());
    assertThat(r).extracting(Reason::code).containsExactly("GPU_UNKNOWN_ROOT");
    assertThat(r.get(0).message()).contains("pinned NVIDIA Device Identity CA");
  }

  @Test
  void afterYear9999_certExpired() throws Exception {
    List<X509Certificate> chain = CertificateFiles.parse(GpuVectors.resource("gpu/h100-nvtrust-sample/hopperCertChain.txt"));
    VerifyOptions late = VerifyOptions.builder().at(Instant.parse("+10000-01-01T00:00:00Z")).build();
    assertThat(reasons(chain, late)).extracting(Reason::code).containsExactly("GPU_CERT_EXPIRED");
  }

  @Test
  void sameIndexActiveInBothRims_overlap() throws Exception {
    var ev = SpdmEvidenceParser.parse(GpuVectors.goNvtrust().getSpdm().toByteArray());
    var vbios = RimParser.parse(GpuVectors.resource("gpu/rims/1010_0200_882_96005E0001_test_no_gpu.swidtag"));
    assertThatThrownBy(() -> RimComparator.compare(ev, vbios, vbios))
        .isInstanceOfSatisfying(AttestationVerificationException.class,
            e -> assertThat(e.code()).isEqualTo("GPU_RIM_OVERLAP"));
  }
}
