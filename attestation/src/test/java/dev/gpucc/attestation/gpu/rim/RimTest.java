package dev.gpucc.attestation.gpu.rim;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.gpucc.attestation.AttestationVerificationException;
import dev.gpucc.attestation.EvidenceFormatException;
import dev.gpucc.attestation.Reason;
import dev.gpucc.attestation.Verdict;
import dev.gpucc.attestation.VerifyOptions;
import dev.gpucc.attestation.gpu.GpuCollateralSources;
import dev.gpucc.attestation.gpu.GpuEvidenceVerifier;
import dev.gpucc.attestation.gpu.GpuVectors;
import dev.gpucc.attestation.gpu.spdm.SpdmEvidence;
import dev.gpucc.attestation.gpu.spdm.SpdmEvidenceParser;
import dev.gpucc.proto.v1.GpuPolicy;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** RIM vectors (testvectors/README.md, gpu/rims and gpu/h100-go-nvtrust). */
class RimTest {
  static final String VBIOS_TEST = "gpu/rims/1010_0200_882_96005E0001_test_no_gpu.swidtag";
  static final String VBIOS_PROD = "gpu/rims/1010_0200_882_96005E0001_PROD.swidtag";
  static final String DRIVER_TEST = "gpu/rims/Driver_RIM_test_no_gpu.swidtag";

  private static Verdict verifyGoNvtrust(GpuPolicy policy, String... rims) {
    List<byte[]> docs = java.util.Arrays.stream(rims).map(GpuVectors::resource).toList();
    GpuEvidenceVerifier v = new GpuEvidenceVerifier(GpuVectors.options(),
        GpuCollateralSources.offline().withRims(RimProvider.of(docs)));
    Verdict.Builder out = Verdict.builder();
    v.verify(GpuVectors.goNvtrust(), Optional.of(GpuVectors.nonce(GpuVectors.GO_NVTRUST_NONCE)), policy, out);
    return out.build();
  }

  @Test
  void goNvtrust_matchesTestNoGpuRims() {
    Verdict v = verifyGoNvtrust(GpuPolicy.newBuilder().setRequireRimMatch(true).build(), VBIOS_TEST, DRIVER_TEST);
    assertThat(v.reasons()).isEmpty();
    assertThat(v.claims()).containsEntry("gpu0.rim",
        "MATCH (driver 20/21 compared, VBIOS 12/12 compared)");
    assertThat(v.claims().get("gpu0.rim.skipped").toString()).contains("index 35");
  }

  @Test
  void goNvtrust_prodVbiosRim_mismatchAt1_2_3_9() throws Exception {
    Verdict v = verifyGoNvtrust(GpuPolicy.getDefaultInstance(), VBIOS_PROD, DRIVER_TEST);
    assertThat(v.reasons()).extracting(Reason::code).containsOnly("GPU_RIM_MISMATCH").hasSize(4);
    assertThat(v.claims().get("gpu0.rim").toString()).startsWith("MISMATCH at RIM indices [1, 2, 3, 9]");
    SpdmEvidence ev = SpdmEvidenceParser.parse(GpuVectors.goNvtrust().getSpdm().toByteArray());
    RimComparison c = RimComparator.compare(ev, RimParser.parse(GpuVectors.resource(DRIVER_TEST)),
        RimParser.parse(GpuVectors.resource(VBIOS_PROD)));
    assertThat(c.mismatchIndices()).containsExactly(1, 2, 3, 9);
  }

  @Test
  void rimsForOtherVersions_notChecked_warnsOrRejects() {
    Verdict lax = verifyGoNvtrust(GpuPolicy.getDefaultInstance(), "gpu/rims/1010_0200_882_960074001A_PROD.swidtag");
    assertThat(lax.accepted()).isTrue();
    assertThat(lax.warnings()).extracting(Reason::code).contains("GPU_RIM_UNAVAILABLE");
    Verdict strict = verifyGoNvtrust(GpuPolicy.newBuilder().setRequireRimMatch(true).build(),
        "gpu/rims/1010_0200_882_960074001A_PROD.swidtag");
    assertThat(strict.reasons()).extracting(Reason::code).containsExactly("GPU_RIM_UNAVAILABLE");
  }

  @Test
  void twoDifferentVbiosRims_ambiguous() {
    Verdict v = verifyGoNvtrust(GpuPolicy.getDefaultInstance(), VBIOS_TEST, VBIOS_PROD, DRIVER_TEST);
    assertThat(v.reasons()).extracting(Reason::code).containsExactly("GPU_RIM_MALFORMED");
  }

  @ParameterizedTest
  @ValueSource(strings = {
      "1010_0200_882_96005E0001_PROD", "1010_0200_882_96005E0001_test_no_gpu", "1010_0200_882_96005E0003_PROD",
      "1010_0200_882_960074001A_PROD", "1010_0200_882_960074001C_PROD", "1010_0205_862_96005E0002_PROD",
      "1010_0205_862_96005E0004_PROD", "1010_0205_862_960074001F_PROD", "1010_0205_862_9600740020_PROD",
      "1010_0210_886_9600740011_PROD", "1010_0215_866_9600740010_PROD", "Driver_RIM_test_no_gpu",
      "g520_0200_885_9600740001_PROD", "g520_0200_885_960074000D_PROD", "g520_0202_885_96006D0008_PROD",
      "g520_0202_885_96006D0027_PROD", "g520_0202_885_9600740014_PROD", "g520_0202_885_9600740018_PROD",
      "g520_0205_865_9600740006_PROD", "g520_0205_865_960074000F_PROD", "g520_0207_865_9600740015_PROD",
      "g520_0207_865_9600740019_PROD", "g520_0213_881_96006D0007_PROD", "g520_0213_881_96006D0026_PROD",
      "g520_0228_889_96006D000A_PROD", "g520_0228_889_96006D0029_PROD"})
  void everyRim_signatureAndChainVerify_at2024(String name) throws Exception {
    RimDocument rim = RimSignatureVerifier.verify(GpuVectors.resource("gpu/rims/" + name + ".swidtag"), GpuVectors.options());
    assertThat(rim.measurements()).isNotEmpty();
  }

  @Test
  void prodRim_at2026_l4SignerExpired() {
    VerifyOptions late = VerifyOptions.builder().at(Instant.parse("2026-01-01T00:00:00Z")).build();
    assertThatThrownBy(() -> RimSignatureVerifier.verify(GpuVectors.resource(VBIOS_PROD), late))
        .isInstanceOfSatisfying(AttestationVerificationException.class, e -> {
          assertThat(e.code()).isEqualTo("GPU_RIM_CERT_EXPIRED");
          assertThat(e.getMessage()).contains("HCC RIM L4 Signer");
        });
  }

  @Test
  void prodRim_at2026_throughVerifier_rejected() {
    GpuEvidenceVerifier v = new GpuEvidenceVerifier(
        VerifyOptions.builder().at(Instant.parse("2026-01-01T00:00:00Z")).build(),
        GpuCollateralSources.offline().withRims(RimProvider.of(List.of(
            GpuVectors.resource(VBIOS_PROD), GpuVectors.resource(DRIVER_TEST)))));
    Verdict.Builder out = Verdict.builder();
    v.verify(GpuVectors.goNvtrust(), Optional.empty(), GpuPolicy.getDefaultInstance(), out);
    assertThat(out.build().reasons()).extracting(Reason::code).contains("GPU_RIM_CERT_EXPIRED");
  }

  @Test
  void tamperedGoldenValue_signatureInvalid() {
    String xml = new String(GpuVectors.resource(DRIVER_TEST), StandardCharsets.UTF_8);
    String tampered = xml.replaceFirst("Hash0=\"0e0ee161", "Hash0=\"1e0ee161");
    assertThat(tampered).isNotEqualTo(xml);
    assertThatThrownBy(() -> RimSignatureVerifier.verify(tampered.getBytes(StandardCharsets.UTF_8), GpuVectors.options()))
        .isInstanceOfSatisfying(AttestationVerificationException.class, e -> {
          assertThat(e.code()).isEqualTo("GPU_RIM_SIGNATURE_INVALID");
          assertThat(e.getMessage()).contains("digest");
        });
  }

  @Test
  void doctype_rejected_noExternalEntities() {
    String xxe = "<?xml version=\"1.0\"?><!DOCTYPE x [<!ENTITY e SYSTEM \"file:///etc/passwd\">]>"
        + "<SoftwareIdentity xmlns=\"" + RimParser.SWID_NS + "\">&e;</SoftwareIdentity>";
    assertThatThrownBy(() -> RimParser.parse(xxe.getBytes(StandardCharsets.UTF_8)))
        .isInstanceOfSatisfying(EvidenceFormatException.class,
            e -> assertThat(e.code()).isEqualTo("GPU_RIM_MALFORMED"));
  }

  @Test
  void duplicateIndex_rejected() {
    String xml = "<SoftwareIdentity xmlns=\"" + RimParser.SWID_NS + "\" xmlns:h=\"" + RimParser.SHA384_NS
        + "\" tagId=\"t\"><Meta colloquialVersion=\"1.0\"/><Payload>"
        + "<Resource type=\"Measurement\" index=\"1\" active=\"True\" alternatives=\"1\" h:Hash0=\"00\" size=\"1\"/>"
        + "<Resource type=\"Measurement\" index=\"1\" active=\"True\" alternatives=\"1\" h:Hash0=\"00\" size=\"1\"/>"
        + "</Payload></SoftwareIdentity>";
    assertThatThrownBy(() -> RimParser.parse(xml.getBytes(StandardCharsets.UTF_8)))
        .isInstanceOf(EvidenceFormatException.class).hasMessageContaining("index 1 occurs twice");
  }

  @Test
  void ids_derivedFromOpaqueData() throws Exception {
    SpdmEvidence ev = SpdmEvidenceParser.parse(GpuVectors.nvtrustSample().getSpdm().toByteArray());
    RimIds ids = RimIds.from(ev.opaque());
    assertThat(ids.driverId()).contains("NV_GPU_DRIVER_GH100_550.90.07");
    assertThat(ids.vbiosId()).contains("NV_GPU_VBIOS_1010_0200_882_96009F0001");
  }
}
