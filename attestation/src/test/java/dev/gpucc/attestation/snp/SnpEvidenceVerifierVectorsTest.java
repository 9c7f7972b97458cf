package dev.gpucc.attestation.snp;

import static dev.gpucc.attestation.snp.SnpVectors.AT;
import static org.assertj.core.api.Assertions.assertThat;

import dev.gpucc.attestation.Hex;
import dev.gpucc.attestation.Reason;
import dev.gpucc.attestation.Verdict;
import dev.gpucc.attestation.VerifyOptions;
import dev.gpucc.attestation.snp.verify.SnpCertificates;
import dev.gpucc.proto.v1.SnpPolicy;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The real SEV-SNP vectors, with the verdicts and reasons testvectors/README.md requires. */
class SnpEvidenceVerifierVectorsTest {
  private static final String VIRTEE = "snp/milan-v2-virtee/";
  private static final String GOSEV = "snp/milan-v2-go-sev-guest/";
  private static final String VLEK = "snp/milan-v3-vlek-trustee/";
  private static final String GENOA = "snp/genoa-v3-azure-hcl/";

  static Verdict verify(byte[] report, X509Certificate vek, List<X509Certificate> chain,
      Instant at, SnpPolicy policy, Optional<byte[]> expected) {
    Verdict.Builder out = Verdict.builder();
    new SnpEvidenceVerifier(VerifyOptions.builder().at(at).build())
        .verify(report, SnpCertificates.of(vek, chain), List.of(), expected, policy, out);
    return out.build();
  }

  static List<String> codes(Verdict v) {
    return v.reasons().stream().map(Reason::code).toList();
  }

  @Test
  void milanVirtee_acceptedAgainstPinnedMilanChain() {
    Verdict v = verify(SnpVectors.bytes(VIRTEE + "derived/report_milan.bin"),
        SnpVectors.cert(VIRTEE + "vcek_milan.der"), SnpVectors.certs(VIRTEE + "cert_chain_milan"),
        AT, SnpPolicy.getDefaultInstance(), Optional.empty());
    assertThat(v.reasons()).isEmpty();
    assertThat(v.accepted()).isTrue();
    assertThat(v.simulated()).isFalse();
    assertThat(v.claims())
        .containsEntry("snp.version", 2)
        .containsEntry("snp.product", "Milan")
        .containsEntry("snp.signing_key", "VCEK")
        .containsEntry("snp.root", "ARK-Milan (AMD)")
        .containsEntry("snp.reported_tcb", "bl=3 tee=0 snp=8 ucode=115")
        .containsEntry("snp.current_tcb", "bl=3 tee=0 snp=8 ucode=115")
        .containsEntry("snp.firmware", "1.52 build 4")
        .containsEntry("snp.vmpl", 0L)
        .containsEntry("snp.debug", false)
        .containsEntry("snp.measurement", "7a1e5c266c0108dbc9bb94fa926951320940915d0aafb42464bd88b579ea158d3e1a0dc39b2c60bd95b9c480cd81841f")
        .containsEntry("snp.report_data", "d447b55d197491bfe15cf298f9de9986b7a7c4be2468b4f6e2d53b71d7c645810b0f2cdfca0040433be063fc1a8293f0f3f8dae7b79fecb3d1cd82bd6a93ebfd");
    assertThat((String) v.claims().get("snp.chip_id")).startsWith("d49554ec717f4e5b0fe6b143bcf0405b");
  }

  @Test
  void milanVirtee_hexReportAndNoSuppliedChain_usesPinnedAskAndArk() {
    Verdict v = verify(SnpVectors.bytes(VIRTEE + "report_milan.hex"),
        SnpVectors.cert(VIRTEE + "vcek_milan.der"), List.of(), AT, SnpPolicy.getDefaultInstance(),
        Optional.empty());
    assertThat(v.reasons()).isEmpty();
    assertThat(v.claims()).containsEntry("snp.root", "ARK-Milan (AMD)");
  }

  @Test
  void milanVirtee_bit7OfByte21Flipped_signatureInvalid() {
    byte[] r = SnpVectors.bytes(VIRTEE + "derived/report_milan.bin");
    r[21] ^= (byte) 0x80;
    Verdict v = verify(r, SnpVectors.cert(VIRTEE + "vcek_milan.der"), List.of(), AT,
        SnpPolicy.getDefaultInstance(), Optional.empty());
    assertThat(codes(v)).contains("SNP_SIGNATURE_INVALID");
  }

  @Test
  void milanVirtee_afterVcekExpiry_certExpired() {
    Verdict v = verify(SnpVectors.bytes(VIRTEE + "derived/report_milan.bin"),
        SnpVectors.cert(VIRTEE + "vcek_milan.der"), List.of(), Instant.parse("2031-01-01T00:00:00Z"),
        SnpPolicy.getDefaultInstance(), Optional.empty());
    assertThat(codes(v)).containsExactly("SNP_CERT_EXPIRED");
    assertThat(v.reasons().get(0).message()).contains("SEV-VCEK").contains("2030-04-03");
  }

  @Test
  void goSevGuest_cryptoAccepted_butDebugRejectedByDefaultPolicy() {
    Verdict v = verify(SnpVectors.bytes(GOSEV + "attestation.bin"), SnpVectors.cert(GOSEV + "vcek.testcer"),
        SnpVectors.certs("roots/amd-milan/ask_ark_milan.pem"), AT, SnpPolicy.getDefaultInstance(),
        Optional.empty());
    assertThat(codes(v)).containsExactly("SNP_POLICY_DEBUG");
    assertThat(v.reasons().get(0).message()).contains("policy.DEBUG: expected 0").contains("got 1");
    assertThat(v.claims()).containsEntry("snp.reported_tcb", "bl=2 tee=0 snp=5 ucode=68")
        .containsEntry("snp.root", "ARK-Milan (AMD)").containsEntry("snp.debug", true);
  }

  @Test
  void goSevGuest_allowDebug_andNonceMatches_accepted() {
    byte[] nonce = new byte[64];
    System.arraycopy(Hex.decode("0102030405"), 0, nonce, 0, 5);
    Verdict v = verify(SnpVectors.bytes(GOSEV + "attestation.bin"), SnpVectors.cert(GOSEV + "vcek.testcer"),
        List.of(), AT, SnpPolicy.newBuilder().setAllowDebug(true).build(), Optional.of(nonce));
    assertThat(v.reasons()).isEmpty();
  }

  @Test
  void goSevGuest_wrongExpectedReportData_reportDataMismatch() {
    Verdict v = verify(SnpVectors.bytes(GOSEV + "attestation.bin"), SnpVectors.cert(GOSEV + "vcek.testcer"),
        List.of(), AT, SnpPolicy.newBuilder().setAllowDebug(true).build(), Optional.of(new byte[64]));
    assertThat(codes(v)).containsExactly("SNP_REPORT_DATA_MISMATCH");
    assertThat(v.reasons().get(0).message()).contains("report_data: expected 0000").contains("got 0102030405");
  }

  @Test
  void negativeMeasurementBitflip_signatureInvalid() {
    Verdict v = verify(SnpVectors.bytes("negative/snp-measurement-bitflip/attestation.bin"),
        SnpVectors.cert(GOSEV + "vcek.testcer"), List.of(), AT,
        SnpPolicy.newBuilder().setAllowDebug(true).build(), Optional.empty());
    assertThat(codes(v)).containsExactly("SNP_SIGNATURE_INVALID");
  }

  @Test
  void negativeTruncated_reportSize() {
    Verdict v = verify(SnpVectors.bytes("negative/snp-truncated/attestation.bin"),
        SnpVectors.cert(GOSEV + "vcek.testcer"), List.of(), AT, SnpPolicy.getDefaultInstance(),
        Optional.empty());
    assertThat(codes(v)).containsExactly("SNP_REPORT_SIZE");
    assertThat(v.reasons().get(0).message()).contains("1184").contains("1000");
  }

  @Test
  void negativeSwappedVcek_signatureTcbAndHwIdAllReported() {
    Verdict v = verify(SnpVectors.bytes("negative/snp-swapped-vcek/attestation.bin"),
        SnpVectors.cert("negative/snp-swapped-vcek/vcek_milan.der"), List.of(), AT,
        SnpPolicy.newBuilder().setAllowDebug(true).build(), Optional.empty());
    assertThat(codes(v)).containsExactlyInAnyOrder(
        "SNP_SIGNATURE_INVALID", "SNP_TCB_MISMATCH", "SNP_HWID_MISMATCH");
  }

  @Test
  void vlek_acceptedAgainstAsvk() {
    Verdict v = verify(SnpVectors.bytes(VLEK + "test-vlek-report.bin"), SnpVectors.cert(VLEK + "test-vlek.der"),
        SnpVectors.certs("roots/amd-milan/ask_ark_milan_vlek.pem"), AT, SnpPolicy.getDefaultInstance(),
        Optional.empty());
    assertThat(v.reasons()).isEmpty();
    assertThat(v.claims()).containsEntry("snp.signing_key", "VLEK").containsEntry("snp.version", 3)
        .containsEntry("snp.reported_tcb", "bl=4 tee=0 snp=24 ucode=217")
        .containsEntry("snp.root", "ARK-Milan (AMD)").containsEntry("snp.vmpl", 1L);
    assertThat(v.warnings()).isEmpty();
  }

  @Test
  void vlek_pinnedAsvkWhenNoChainSupplied_accepted() {
    Verdict v = verify(SnpVectors.bytes(VLEK + "test-vlek-report.bin"), SnpVectors.cert(VLEK + "test-vlek.der"),
        List.of(), AT, SnpPolicy.getDefaultInstance(), Optional.empty());
    assertThat(v.reasons()).isEmpty();
  }

  @Test
  void vlek_expiredAt2026_rejected() {
    Verdict v = verify(SnpVectors.bytes(VLEK + "test-vlek-report.bin"), SnpVectors.cert(VLEK + "test-vlek.der"),
        SnpVectors.certs("roots/amd-milan/ask_ark_milan_vlek.pem"), Instant.parse("2026-01-01T00:00:00Z"),
        SnpPolicy.getDefaultInstance(), Optional.empty());
    assertThat(codes(v)).containsExactly("SNP_CERT_EXPIRED");
    assertThat(v.reasons().get(0).message()).contains("SEV-VLEK").contains("2025-12-10T22:14:21Z");
  }

  @Test
  void vlek_againstAsk_rejected() {
    Verdict v = verify(SnpVectors.bytes(VLEK + "test-vlek-report.bin"), SnpVectors.cert(VLEK + "test-vlek.der"),
        SnpVectors.certs("roots/amd-milan/ask_ark_milan.pem"), AT, SnpPolicy.getDefaultInstance(),
        Optional.empty());
    assertThat(codes(v)).containsExactly("SNP_CHAIN_WRONG_INTERMEDIATE");
    assertThat(v.reasons().get(0).message()).contains("expected an ASVK").contains("SEV-Milan");
  }

  @Test
  void vlek_vmplPolicy0_rejected() {
    Verdict v = verify(SnpVectors.bytes(VLEK + "test-vlek-report.bin"), SnpVectors.cert(VLEK + "test-vlek.der"),
        List.of(), AT, SnpPolicy.newBuilder().setVmpl(0).setAllowVlek(false).build(), Optional.empty());
    assertThat(codes(v)).containsExactlyInAnyOrder("SNP_VMPL_MISMATCH", "SNP_VLEK_NOT_ALLOWED");
  }

  @Test
  void genoa_acceptedAgainstPinnedGenoaChain() {
    Verdict v = verify(SnpVectors.bytes(GENOA + "derived/snp_report.bin"), SnpVectors.cert(GENOA + "vcek-genoa.pem"),
        List.of(SnpVectors.cert("roots/amd-genoa/ask.pem"), SnpVectors.cert("roots/amd-genoa/ark.pem")),
        AT, SnpPolicy.getDefaultInstance(), Optional.empty());
    assertThat(v.reasons()).isEmpty();
    assertThat(v.claims()).containsEntry("snp.product", "Genoa").containsEntry("snp.root", "ARK-Genoa (AMD)")
        .containsEntry("snp.reported_tcb", "bl=10 tee=0 snp=23 ucode=84")
        .containsEntry("snp.guest_svn", 65547L);
  }

  @Test
  void genoaReport_withMilanVcek_productMismatch() {
    Verdict v = verify(SnpVectors.bytes(GENOA + "derived/snp_report.bin"), SnpVectors.cert(VIRTEE + "vcek_milan.der"),
        List.of(), AT, SnpPolicy.getDefaultInstance(), Optional.empty());
    assertThat(codes(v)).contains("SNP_PRODUCT_MISMATCH", "SNP_SIGNATURE_INVALID");
  }

  @Test
  void genoaVcek_withMilanChain_rejected() {
    Verdict v = verify(SnpVectors.bytes(GENOA + "derived/snp_report.bin"), SnpVectors.cert(GENOA + "vcek-genoa.pem"),
        SnpVectors.certs("roots/amd-milan/ask_ark_milan.pem"), AT, SnpPolicy.getDefaultInstance(),
        Optional.empty());
    assertThat(codes(v)).contains("SNP_CHAIN_BROKEN");
  }
}
