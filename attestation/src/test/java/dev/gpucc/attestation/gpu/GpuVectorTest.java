package dev.gpucc.attestation.gpu;

import static dev.gpucc.attestation.gpu.GpuVectors.AT;
import static org.assertj.core.api.Assertions.assertThat;

import com.google.protobuf.ByteString;
import dev.gpucc.attestation.Reason;
import dev.gpucc.attestation.Verdict;
import dev.gpucc.attestation.VerifyOptions;
import dev.gpucc.proto.v1.GpuEvidence;
import dev.gpucc.proto.v1.GpuPolicy;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Every GPU vector and every GPU negative case of testvectors/README.md, at 2024-06-01. */
class GpuVectorTest {
  private final GpuEvidenceVerifier verifier = new GpuEvidenceVerifier(GpuVectors.options());

  private Verdict verify(GpuEvidence e, String nonceHex) {
    Verdict.Builder out = Verdict.builder();
    verifier.verify(e, Optional.ofNullable(nonceHex).map(GpuVectors::nonce), GpuPolicy.getDefaultInstance(), out);
    return out.build();
  }

  private static List<String> codes(Verdict v) {
    return v.reasons().stream().map(Reason::code).toList();
  }

  @Test
  void nvtrustSample_accepted() {
    Verdict v = verify(GpuVectors.nvtrustSample(), GpuVectors.SAMPLE_NONCE);
    assertThat(v.reasons()).isEmpty();
    assertThat(v.accepted()).isTrue();
    assertThat(v.simulated()).isFalse();
    assertThat(v.claims())
        .containsEntry("gpu0.driver_version", "550.90.07")
        .containsEntry("gpu0.vbios_version", "96.00.9F.00.01")
        .containsEntry("gpu0.project", "1010")
        .containsEntry("gpu0.project_sku", "0200")
        .containsEntry("gpu0.chip_sku", "882")
        .containsEntry("gpu0.measurements", 64)
        .containsEntry("gpu0.nvdec0_status", "0x55 (disabled)")
        .containsEntry("gpu0.root_supplied_is_pinned", true)
        .containsEntry("gpu0.ocsp", "not checked (offline)")
        .containsEntry("gpu0.rim", "not checked (no RIMs given)");
    assertThat((String) v.claims().get("gpu0.fwid")).startsWith("f5c384ae").endsWith("f75d");
  }

  @Test
  void goNvtrust_accepted_withoutFwidField() {
    Verdict v = verify(GpuVectors.goNvtrust(), GpuVectors.GO_NVTRUST_NONCE);
    assertThat(v.reasons()).isEmpty();
    assertThat(v.claims())
        .containsEntry("gpu0.driver_version", "545.00")
        .containsEntry("gpu0.vbios_version", "96.00.5E.00.01");
    assertThat((String) v.claims().get("gpu0.fwid")).startsWith("absent");
  }

  @Test
  void hgx8_allAccepted_withCountPolicy() {
    List<GpuEvidence> gpus = GpuVectors.hgx8();
    Verdict.Builder out = Verdict.builder();
    GpuPolicy policy = GpuPolicy.newBuilder().setRequireGpu(true).setGpuCount(8)
        .addDriverVersions("590.12").addVbiosVersions("96.00.a5.00.01").build();
    verifier.verifyAll(gpus, Optional.of(GpuVectors.nonce(GpuVectors.HGX_NONCE)), policy, out);
    Verdict v = out.build();
    assertThat(v.reasons()).isEmpty();
    for (int i = 0; i < 8; i++) {
      assertThat(v.claims()).containsEntry("gpu" + i + ".project", "G520")
          .containsEntry("gpu" + i + ".chip_sku", "885")
          .containsEntry("gpu" + i + ".protected_pcie_status", "0xAA (enabled)")
          .containsEntry("gpu" + i + ".feature_flag", "0x0002 (PPCIE)");
      assertThat((String) v.claims().get("gpu" + i + ".fwid")).hasSize(96);
    }
  }

  @Test
  void hgx8_derivedFiles_accepted() {
    for (int i = 0; i < 8; i++) {
      GpuEvidence e = GpuVectors.evidence(i, "gpu/hgx-8xh100-ppcie-nvtrust/derived/gpu" + i + "_report.hex",
          "gpu/hgx-8xh100-ppcie-nvtrust/derived/gpu" + i + "_certchain.pem");
      assertThat(verify(e, GpuVectors.HGX_NONCE).reasons()).as("gpu %d", i).isEmpty();
    }
  }

  @Test
  void hgx8_gpuCountPolicy_violated() {
    Verdict.Builder out = Verdict.builder();
    verifier.verifyAll(GpuVectors.hgx8().subList(0, 2), Optional.of(GpuVectors.nonce(GpuVectors.HGX_NONCE)),
        GpuPolicy.newBuilder().setGpuCount(8).build(), out);
    assertThat(out.build().reasons()).extracting(Reason::message)
        .containsExactly("gpu.gpu_count: expected 8, actual 2");
  }

  @Test
  void requireGpu_withNoEvidence_rejected() {
    Verdict.Builder out = Verdict.builder();
    verifier.verifyAll(List.of(), Optional.empty(), GpuPolicy.newBuilder().setRequireGpu(true).build(), out);
    assertThat(codes(out.build())).containsExactly("GPU_POLICY_GPU_REQUIRED");
  }

  @Test
  void measurementBitflip_signatureInvalid() {
    GpuEvidence e = GpuVectors.evidence(0, "negative/gpu-measurement-bitflip/hopperAttestationReport.txt",
        "gpu/h100-nvtrust-sample/hopperCertChain.txt");
    Verdict v = verify(e, GpuVectors.SAMPLE_NONCE);
    assertThat(codes(v)).containsExactly("GPU_SIGNATURE_INVALID");
    assertThat(v.reasons().get(0).message()).contains("over 4021 bytes");
  }

  @Test
  void zeroExpectedNonce_nonceMismatch() {
    Verdict v = verify(GpuVectors.nvtrustSample(), "00".repeat(32));
    assertThat(codes(v)).containsExactly("GPU_NONCE_MISMATCH");
    assertThat(v.reasons().get(0).message()).contains("actual " + GpuVectors.SAMPLE_NONCE);
  }

  @Test
  void noExpectedNonce_warns() {
    Verdict v = verify(GpuVectors.nvtrustSample(), null);
    assertThat(v.accepted()).isTrue();
    assertThat(v.warnings()).extracting(Reason::code).contains("GPU_NONCE_NOT_CHECKED");
  }

  @Test
  void truncated_rejectedAsTruncated() {
    GpuEvidence e = GpuVectors.evidence(0, "negative/gpu-truncated/hopperAttestationReport.txt",
        "gpu/h100-nvtrust-sample/hopperCertChain.txt");
    Verdict v = verify(e, GpuVectors.SAMPLE_NONCE);
    assertThat(codes(v)).containsExactly("GPU_EVIDENCE_TRUNCATED");
    assertThat(v.reasons().get(0).message()).contains("signature").contains("86 remain");
  }

  @Test
  void invalidCertChain_chainBreakAtLeaf() {
    GpuEvidence e = GpuVectors.evidence(0, "gpu/h100-go-nvtrust/attestationReport.txt",
        "negative/repo-provided/invalidCertChain.txt");
    Verdict v = verify(e, GpuVectors.GO_NVTRUST_NONCE);
    assertThat(codes(v)).contains("GPU_CHAIN_BROKEN", "GPU_CHAIN_LENGTH");
    assertThat(v.reasons()).filteredOn(r -> r.code().equals("GPU_CHAIN_BROKEN"))
        .extracting(Reason::message).allMatch(m -> m.contains("GH100 A01 GSP FMC LF"));
  }

  @Test
  void rootOnlyChain_signatureInvalid() {
    GpuEvidence e = GpuVectors.evidence(0, "gpu/h100-nvtrust-sample/hopperAttestationReport.txt",
        "negative/repo-provided/hopper_cert_chain_case2.txt");
    Verdict v = verify(e, GpuVectors.SAMPLE_NONCE);
    assertThat(codes(v)).contains("GPU_SIGNATURE_INVALID", "GPU_CHAIN_LENGTH");
  }

  @Test
  void chainFromOtherGpu_signatureInvalid() {
    GpuEvidence e = GpuVectors.evidence(0, "gpu/h100-nvtrust-sample/hopperAttestationReport.txt",
        "gpu/h100-go-nvtrust/gpuAkCertChain.txt");
    Verdict v = verify(e, GpuVectors.SAMPLE_NONCE);
    assertThat(codes(v)).contains("GPU_SIGNATURE_INVALID", "GPU_FWID_MISMATCH");
  }

  @Test
  void beforeChainValidity_certNotYetValid() {
    GpuEvidenceVerifier early = new GpuEvidenceVerifier(
        VerifyOptions.builder().at(java.time.Instant.parse("2019-01-01T00:00:00Z")).build());
    Verdict.Builder out = Verdict.builder();
    early.verify(GpuVectors.nvtrustSample(), Optional.empty(), GpuPolicy.getDefaultInstance(), out);
    assertThat(codes(out.build())).contains("GPU_CERT_NOT_YET_VALID");
  }

  @Test
  void nvmlVersionStrings_mustMatchSignedOpaqueData() {
    GpuEvidence e = GpuVectors.nvtrustSample().toBuilder()
        .setDriverVersion("999.99").setVbiosVersion("96.00.9f.00.01").build();
    Verdict v = verify(e, GpuVectors.SAMPLE_NONCE);
    assertThat(v.reasons()).extracting(Reason::message)
        .containsExactly("gpu0: driver_version: NVML says '999.99', signed opaque data says '550.90.07'");
  }

  @Test
  void evidenceNonceField_mustEqualRequestNonce() {
    GpuEvidence e = GpuVectors.nvtrustSample().toBuilder()
        .setNonce(ByteString.copyFrom(new byte[32])).build();
    assertThat(codes(verify(e, GpuVectors.SAMPLE_NONCE))).containsExactly("GPU_NONCE_INCONSISTENT");
  }

  @Test
  void policyVersions_everyViolationReported() {
    Verdict.Builder out = Verdict.builder();
    verifier.verify(GpuVectors.nvtrustSample(), Optional.of(GpuVectors.nonce(GpuVectors.SAMPLE_NONCE)),
        GpuPolicy.newBuilder().addDriverVersions("590.12").addVbiosVersions("96.00.A5.00.01").build(), out);
    assertThat(out.build().reasons()).extracting(Reason::message).containsExactly(
        "gpu0: gpu.driver_versions: expected one of [590.12], actual 550.90.07",
        "gpu0: gpu.vbios_versions: expected one of [96.00.A5.00.01], actual 96.00.9F.00.01");
  }

  @Test
  void requireOcsp_offline_rejected() {
    Verdict.Builder out = Verdict.builder();
    verifier.verify(GpuVectors.nvtrustSample(), Optional.of(GpuVectors.nonce(GpuVectors.SAMPLE_NONCE)),
        GpuPolicy.newBuilder().setRequireOcsp(true).build(), out);
    assertThat(codes(out.build())).containsExactly("GPU_OCSP_UNAVAILABLE");
  }

  @Test
  void requireRim_withoutRims_rejected() {
    Verdict.Builder out = Verdict.builder();
    verifier.verify(GpuVectors.nvtrustSample(), Optional.of(GpuVectors.nonce(GpuVectors.SAMPLE_NONCE)),
        GpuPolicy.newBuilder().setRequireRimMatch(true).build(), out);
    assertThat(codes(out.build())).containsExactly("GPU_RIM_UNAVAILABLE");
  }

  @Test
  void garbageChain_malformed() {
    GpuEvidence e = GpuVectors.nvtrustSample().toBuilder()
        .setCertificateChainPem(ByteString.copyFromUtf8("not a certificate")).build();
    assertThat(codes(verify(e, GpuVectors.SAMPLE_NONCE))).containsExactly("GPU_CHAIN_MALFORMED");
  }

  @Test
  void hgx8_nvtrustJson_parsedWithNonces_allAccepted() throws Exception {
    List<GpuEvidence> gpus = GpuEvidenceFiles.parseNvtrustJson(
        GpuVectors.resource("gpu/hgx-8xh100-ppcie-nvtrust/gpu_evidence.json"));
    assertThat(gpus).hasSize(8);
    Verdict.Builder out = Verdict.builder();
    verifier.verifyAll(gpus, Optional.of(GpuVectors.nonce(GpuVectors.HGX_NONCE)), GpuPolicy.getDefaultInstance(), out);
    assertThat(out.build().reasons()).isEmpty();
  }

  @Test
  void garbage_neverThrows_alwaysRejected() {
    for (byte[] junk : new byte[][] {new byte[0], new byte[37], new byte[5000]}) {
      GpuEvidence e = GpuEvidence.newBuilder().setSpdm(ByteString.copyFrom(junk)).build();
      Verdict v = verify(e, GpuVectors.SAMPLE_NONCE);
      assertThat(v.accepted()).isFalse();
    }
    GpuEvidence noChain = GpuVectors.nvtrustSample().toBuilder().clearCertificateChainPem().build();
    assertThat(codes(verify(noChain, GpuVectors.SAMPLE_NONCE))).containsExactly("GPU_CHAIN_MALFORMED");
  }

  @Test
  void verificationInstant_isTheReadmeInstant() {
    assertThat(AT.toString()).isEqualTo("2024-06-01T00:00:00Z");
  }
}
