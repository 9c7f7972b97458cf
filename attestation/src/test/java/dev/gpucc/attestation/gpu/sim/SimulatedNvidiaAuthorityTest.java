package dev.gpucc.attestation.gpu.sim;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.google.protobuf.ByteString;
import dev.gpucc.attestation.Reason;
import dev.gpucc.attestation.SimulatedRoots;
import dev.gpucc.attestation.Verdict;
import dev.gpucc.attestation.VerifyOptions;
import dev.gpucc.attestation.gpu.GpuEvidenceVerifier;
import dev.gpucc.attestation.gpu.spdm.SpdmEvidence;
import dev.gpucc.attestation.gpu.spdm.SpdmEvidenceParser;
import dev.gpucc.proto.v1.GpuEvidence;
import dev.gpucc.proto.v1.GpuPolicy;
import java.time.Instant;
import java.util.Arrays;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

class SimulatedNvidiaAuthorityTest {
  private static final SimulatedNvidiaAuthority AUTHORITY = SimulatedNvidiaAuthority.generate();
  private static final byte[] NONCE = new byte[32];

  static {
    Arrays.fill(NONCE, (byte) 7);
  }

  private static VerifyOptions allow() {
    return VerifyOptions.builder().at(Instant.parse("2024-06-01T00:00:00Z"))
        .allowSimulatedAcknowledgingNoHardwareProtection(true).build();
  }

  private static Verdict verify(GpuEvidence e, VerifyOptions options) {
    Verdict.Builder out = Verdict.builder();
    new GpuEvidenceVerifier(options).verify(e, Optional.of(NONCE), GpuPolicy.getDefaultInstance(), out);
    return out.build();
  }

  @Test
  void simulatedEvidence_realFormat_acceptedWhenAllowed_labelledSimulated() throws Exception {
    GpuEvidence e = AUTHORITY.attest(1, NONCE);
    assertThat(e.getSimulated()).isTrue();
    assertThat(e.getProvider()).isEqualTo("simulated-gpu");
    SpdmEvidence spdm = SpdmEvidenceParser.parse(e.getSpdm().toByteArray());
    assertThat(spdm.blocks()).hasSize(64);
    assertThat(spdm.requestNonce()).isEqualTo(NONCE);
    assertThat(spdm.opaque().vbiosVersion()).contains("96.00.9F.00.01");
    Verdict v = verify(e, allow());
    assertThat(v.reasons()).isEmpty();
    assertThat(v.simulated()).isTrue();
    assertThat(v.claims()).containsEntry("gpu1.simulated", true).containsEntry("gpu1.provider", "simulated-gpu");
    assertThat((String) v.claims().get("gpu1.root")).startsWith("SIMULATED");
  }

  @Test
  void chainShape_fiveCertsP384_rootIsSimulated() {
    var chain = AUTHORITY.chain(0);
    assertThat(chain).hasSize(5);
    assertThat(SimulatedRoots.isSimulated(chain.get(4))).isTrue();
    assertThat(chain.get(0).getExtensionValue("2.23.133.5.4.1")).isNotNull();
    assertThat(AUTHORITY.chain(0).get(0)).isNotEqualTo(AUTHORITY.chain(1).get(0));
  }

  @Test
  void simulatedEvidence_rejectedByDefault() {
    Verdict v = verify(AUTHORITY.attest(0, NONCE),
        VerifyOptions.builder().at(Instant.parse("2024-06-01T00:00:00Z")).build());
    assertThat(v.reasons()).extracting(Reason::code).containsExactly("SIMULATED_NOT_ALLOWED");
    assertThat(v.accepted()).isFalse();
  }

  @Test
  void simulatedRoot_notPinned_rejected() {
    VerifyOptions pinnedElsewhere = allow().toBuilder().simulatedRootSha256(Set.of("00".repeat(32))).build();
    assertThat(verify(AUTHORITY.attest(0, NONCE), pinnedElsewhere).reasons())
        .extracting(Reason::code).containsExactly("SIMULATED_ROOT_NOT_PINNED");
    VerifyOptions pinned = allow().toBuilder().simulatedRootSha256(Set.of(AUTHORITY.rootSha256())).build();
    assertThat(verify(AUTHORITY.attest(0, NONCE), pinned).accepted()).isTrue();
  }

  @Test
  void otherAuthoritysChain_signatureInvalid() {
    GpuEvidence mine = AUTHORITY.attest(0, NONCE);
    GpuEvidence theirs = SimulatedNvidiaAuthority.generate().attest(0, NONCE);
    GpuEvidence mixed = mine.toBuilder().setCertificateChainPem(theirs.getCertificateChainPem()).build();
    assertThat(verify(mixed, allow()).reasons()).extracting(Reason::code)
        .containsExactly("GPU_SIGNATURE_INVALID");
  }

  @Test
  void tamperedMeasurement_signatureInvalid() {
    byte[] spdm = AUTHORITY.attest(0, NONCE).getSpdm().toByteArray();
    spdm[37 + 8 + 7] ^= 1;
    GpuEvidence e = AUTHORITY.attest(0, NONCE).toBuilder().setSpdm(ByteString.copyFrom(spdm)).build();
    assertThat(verify(e, allow()).reasons()).extracting(Reason::code).containsExactly("GPU_SIGNATURE_INVALID");
  }

  @Test
  void simulatedRims_signed_match_whenAllowed() {
    GpuEvidenceVerifier v = new GpuEvidenceVerifier(allow(), dev.gpucc.attestation.gpu.GpuCollateralSources.offline()
        .withRims(dev.gpucc.attestation.gpu.rim.RimProvider.of(java.util.List.of(
            AUTHORITY.driverRim(), AUTHORITY.vbiosRim()))));
    Verdict.Builder out = Verdict.builder();
    v.verify(AUTHORITY.attest(0, NONCE), Optional.of(NONCE), GpuPolicy.newBuilder().setRequireRimMatch(true).build(), out);
    Verdict verdict = out.build();
    assertThat(verdict.reasons()).isEmpty();
    assertThat(verdict.claims()).containsEntry("gpu0.rim", "MATCH (driver 32/32 compared, VBIOS 32/32 compared)");
    VerifyOptions strict = VerifyOptions.builder().at(Instant.parse("2024-06-01T00:00:00Z")).build();
    assertThatThrownBy(() -> dev.gpucc.attestation.gpu.rim.RimSignatureVerifier.verify(AUTHORITY.driverRim(), strict))
        .isInstanceOfSatisfying(dev.gpucc.attestation.AttestationVerificationException.class,
            e -> assertThat(e.code()).isEqualTo("SIMULATED_NOT_ALLOWED"));
  }

  @Test
  void badNonceLength_refused() {
    assertThatThrownBy(() -> AUTHORITY.attest(0, new byte[31])).isInstanceOf(IllegalArgumentException.class);
  }
}
