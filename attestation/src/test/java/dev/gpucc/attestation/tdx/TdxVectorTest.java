package dev.gpucc.attestation.tdx;

import static dev.gpucc.attestation.tdx.TdxVectors.*;
import static org.assertj.core.api.Assertions.assertThat;

import dev.gpucc.attestation.Reason;
import dev.gpucc.attestation.Verdict;
import dev.gpucc.proto.v1.TdxPolicy;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Every TDX vector of testvectors/README.md, with the verdict and reason it states. */
class TdxVectorTest {
  private static final TdxPolicy DEFAULT = TdxPolicy.getDefaultInstance();
  /** "ACCEPT (crypto)": policy items (collateral, trailing bytes) relaxed. */
  private static final TdxPolicy CRYPTO_ONLY =
      TdxPolicy.newBuilder().setAcceptMissingCollateral(true).setAllowTrailingData(true).build();

  static List<String> codes(Verdict v) {
    return v.reasons().stream().map(Reason::code).toList();
  }

  @Test
  void sprE4_withoutCollateral_acceptsCrypto() {
    Verdict v = verify(evidence(SPR_E4_QUOTE, null), SPR_E4_TIME, CRYPTO_ONLY, Optional.empty());
    assertThat(v.reasons()).isEmpty();
    assertThat(v.claims()).containsEntry("tdx.version", 4).containsEntry("tdx.fmspc", "50806f000000")
        .containsEntry("tdx.tee_tcb_svn", "03000400000000000000000000000000")
        .containsEntry("tdx.mrtd", "6363b8043668a3ad953278e10389574d326c6749fb78aa810ecd9336923db86f22fc00b8dcd404bc10d5e119d7215cbb")
        .containsEntry("tdx.trailing_bytes", 39).containsEntry("tdx.trailing_bytes_nonzero", true)
        .containsEntry("tdx.tcb_status", "NotEvaluated").containsEntry("tdx.qe_svn", 4)
        .containsEntry("tdx.pce_svn", 11).containsEntry("tdx.root", "Intel SGX Root CA");
    assertThat(v.simulated()).isFalse();
  }

  @Test
  void sprE4_withoutCollateral_defaultPolicyRejectsMissingCollateralAndTrailingData() {
    Verdict v = verify(evidence(SPR_E4_QUOTE, null), SPR_E4_TIME, DEFAULT, Optional.empty());
    assertThat(codes(v)).containsExactlyInAnyOrder("TDX_COLLATERAL_MISSING", "TDX_TRAILING_DATA");
    assertThat(v.reasons()).anySatisfy(r -> assertThat(r.message()).contains("TCB status NOT evaluated"));
    assertThat(v.reasons()).anySatisfy(r -> assertThat(r.message()).contains("39 bytes, some non-zero"));
  }

  @Test
  void sprE4_withCollateral_noTcbLevelMatches_rejects() {
    Verdict v = verify(evidence(SPR_E4_QUOTE, sprE4Collateral()), SPR_E4_TIME, CRYPTO_ONLY, Optional.empty());
    assertThat(codes(v)).containsExactly("TDX_TCB_NOT_SUPPORTED");
    assertThat(v.reasons().get(0).message()).contains("no TCB info level matches");
    assertThat(v.claims()).containsEntry("tdx.tcb_status", "NotSupported");
  }

  @Test
  void sprE4_at2053_certificatesExpired() {
    Verdict v = verify(evidence(SPR_E4_QUOTE, null), Instant.parse("2053-07-01T00:00:00Z"), CRYPTO_ONLY,
        Optional.empty());
    assertThat(codes(v)).containsExactly("TDX_CERT_EXPIRED");
    assertThat(v.reasons().get(0).message()).contains("expired");
  }

  @Test
  void sprE4_beforePckIssued_notYetValid() {
    Verdict v = verify(evidence(SPR_E4_QUOTE, null), Instant.parse("2020-01-01T00:00:00Z"), CRYPTO_ONLY,
        Optional.empty());
    assertThat(codes(v)).containsExactly("TDX_CERT_NOT_YET_VALID");
    assertThat(v.reasons().get(0).message()).contains("not valid before 2022-09-20");
  }

  @Test
  void trusteeQuote4_crypto_accepts() {
    Verdict v = verify(evidence(TRUSTEE_QUOTE, null), Instant.parse("2025-06-01T00:00:00Z"),
        CRYPTO_ONLY.toBuilder().setAllowDebug(true).build(), Optional.empty());
    assertThat(v.reasons()).isEmpty();
    assertThat(v.claims()).containsEntry("tdx.debug", true).containsEntry("tdx.td_attributes", "0100001000000000");
  }

  @Test
  void trusteeQuote4_withSprE4Collateral_upToDate_butDebugRejectedByPolicy() {
    Verdict v = verify(evidence(TRUSTEE_QUOTE, sprE4Collateral()), SPR_E4_TIME, DEFAULT, Optional.empty());
    assertThat(v.claims()).containsEntry("tdx.tcb_status", "UpToDate")
        .containsEntry("tdx.tcb_date", "2023-02-15T00:00:00Z").containsEntry("tdx.tcb.qe_status", "UpToDate");
    assertThat(codes(v)).containsExactly("TDX_DEBUG");
  }

  @Test
  void trusteeQuote4_withSprE4Collateral_allowDebug_accepts() {
    Verdict v = verify(evidence(TRUSTEE_QUOTE, sprE4Collateral()), SPR_E4_TIME,
        TdxPolicy.newBuilder().setAllowDebug(true).build(), Optional.empty());
    assertThat(v.reasons()).isEmpty();
    assertThat(v.claims()).containsEntry("tdx.collateral_missing", List.of());
  }

  @Test
  void phala_upToDate_defaultPolicy_accepts() {
    Verdict v = verify(evidence(PHALA_QUOTE, phalaCollateral()), PHALA_TIME, DEFAULT, Optional.empty());
    assertThat(v.reasons()).isEmpty();
    assertThat(v.claims()).containsEntry("tdx.tcb_status", "UpToDate")
        .containsEntry("tdx.tcb_date", "2024-03-13T00:00:00Z").containsEntry("tdx.advisory_ids", List.of())
        .containsEntry("tdx.tcb.module_status", "UpToDate").containsEntry("tdx.tcb.qe_status", "UpToDate")
        .containsEntry("tdx.fmspc", "b0c06f000000").containsEntry("tdx.trailing_bytes", 70)
        .containsEntry("tdx.trailing_bytes_nonzero", false);
  }

  @Test
  void phala_expectedReportData_matchesAndMismatches() {
    byte[] rd = dev.gpucc.attestation.Hex.decode("9a9d48e7f6799642d3d1b34e1e5e1742d4bb02dd6ddd551862c1211d35c304f9"
        + "eca3efdbb481601c163cf52493d6e44aed55d51ec39b7e518fadb92c2b523f20");
    assertThat(verify(evidence(PHALA_QUOTE, phalaCollateral()), PHALA_TIME, DEFAULT, Optional.of(rd)).reasons())
        .isEmpty();
    rd[0] ^= 1;
    Verdict v = verify(evidence(PHALA_QUOTE, phalaCollateral()), PHALA_TIME, DEFAULT, Optional.of(rd));
    assertThat(codes(v)).containsExactly("TDX_REPORT_DATA_MISMATCH");
  }

  @Test
  void phala_afterCollateralExpiry_rejects() {
    Verdict v = verify(evidence(PHALA_QUOTE, phalaCollateral()), Instant.parse("2025-08-01T00:00:00Z"), DEFAULT,
        Optional.empty());
    assertThat(codes(v)).contains("TDX_COLLATERAL_EXPIRED");
  }

  @Test
  void gce_nonceBound_acceptsWithNonce_rejectsOtherNonce() {
    byte[] nonce = bytes(GCE + "nonce.dat");
    Instant at = Instant.parse("2025-01-01T00:00:00Z");
    TdxPolicy p = TdxPolicy.newBuilder().setAcceptMissingCollateral(true).build();
    Verdict ok = verify(evidence(GCE_QUOTE, null), at, p, Optional.of(nonce));
    assertThat(ok.reasons()).isEmpty();
    assertThat(ok.claims()).containsEntry("tdx.fmspc", "00806f050000").containsEntry("tdx.trailing_bytes", 3065);
    byte[] other = nonce.clone();
    other[63] = 1;
    Verdict bad = verify(evidence(GCE_QUOTE, null), at, p, Optional.of(other));
    assertThat(codes(bad)).containsExactly("TDX_REPORT_DATA_MISMATCH");
  }

  @Test
  void v5_renewedSigningChain_upToDate() {
    Verdict v = verify(evidence(V5_QUOTE, v5Collateral(true)), V5_TIME,
        TdxPolicy.newBuilder().setAcceptMissingCollateral(true).build(), Optional.empty());
    assertThat(v.reasons()).isEmpty();
    assertThat(v.claims()).containsEntry("tdx.version", 5).containsEntry("tdx.body_type", 3)
        .containsEntry("tdx.tcb_status", "UpToDate").containsEntry("tdx.tcb_date", "2024-11-13T00:00:00Z")
        .containsEntry("tdx.tcb.module_status", "UpToDate").containsEntry("tdx.tcb.qe_status", "NotEvaluated")
        .containsEntry("tdx.tee_tcb_svn2", "0d010400000000000000000000000000")
        .containsEntry("tdx.collateral_missing", List.of("root_ca_crl", "pck_crl", "qe_identity"));
  }

  @Test
  void v5_partialCollateral_defaultPolicyRejectsMissing() {
    Verdict v = verify(evidence(V5_QUOTE, v5Collateral(true)), V5_TIME, DEFAULT, Optional.empty());
    assertThat(codes(v)).containsExactly("TDX_COLLATERAL_MISSING");
  }

  @Test
  void v5_oldSigningCert_expired() {
    Verdict v = verify(evidence(V5_QUOTE, v5Collateral(false)), V5_TIME,
        TdxPolicy.newBuilder().setAcceptMissingCollateral(true).build(), Optional.empty());
    assertThat(codes(v)).containsExactly("TDX_CERT_EXPIRED");
    assertThat(v.reasons().get(0).message()).contains("TCB Signing").contains("2025-05-21");
  }

  @Test
  void negative_mrtdBitflip_quoteSignatureInvalid() {
    Verdict v = verify(evidence(MRTD_BITFLIP, phalaCollateral()), PHALA_TIME, DEFAULT, Optional.empty());
    assertThat(codes(v)).containsExactly("TDX_QUOTE_SIGNATURE_INVALID");
  }

  @Test
  void negative_truncated_rejectedAsTruncated() {
    Verdict v = verify(evidence(TRUNCATED, phalaCollateral()), PHALA_TIME, DEFAULT, Optional.empty());
    assertThat(codes(v)).containsExactly("TDX_QUOTE_TRUNCATED");
    assertThat(v.reasons().get(0).message()).contains("declared signature data length 4300 exceeds the quote");
  }

  private static dev.gpucc.proto.v1.TdxEvidence phalaWith(byte[] quote) {
    return dev.gpucc.proto.v1.TdxEvidence.newBuilder()
        .setQuote(com.google.protobuf.ByteString.copyFrom(quote)).setCollateral(phalaCollateral()).build();
  }

  private static int lastEnd(byte[] q) {
    return new String(q, java.nio.charset.StandardCharsets.ISO_8859_1).lastIndexOf("-----END CERTIFICATE-----");
  }

  @Test
  void qeVendorChanged_unknownVendorAndSignature() {
    byte[] q = bytes(PHALA_QUOTE);
    q[12] ^= 1;
    Verdict v = verify(phalaWith(q), PHALA_TIME, DEFAULT, Optional.empty());
    assertThat(codes(v)).containsExactly("TDX_QE_VENDOR_UNKNOWN", "TDX_QUOTE_SIGNATURE_INVALID");
  }

  @Test
  void foreignRoot_untrusted() {
    byte[] q = bytes(PHALA_QUOTE);
    int i = lastEnd(q) - 12; // inside the root's signature value
    q[i] = (byte) (q[i] == 'A' ? 'B' : 'A');
    Verdict v = verify(phalaWith(q), PHALA_TIME, DEFAULT, Optional.empty());
    assertThat(codes(v)).containsExactly("TDX_PCK_CHAIN_UNTRUSTED_ROOT");
    assertThat(v.claims()).containsEntry("tdx.tcb_status", "NotEvaluated");
    assertThat(v.reasons().get(0).message()).contains("expected the Intel SGX Root CA");
  }

  @Test
  void chainWithTwoCertificates_malformed() {
    byte[] q = bytes(PHALA_QUOTE);
    String s = new String(q, java.nio.charset.StandardCharsets.ISO_8859_1);
    int i = s.lastIndexOf("-----BEGIN CERTIFICATE-----") + "-----BEGIN CERTIFICAT".length();
    q[i] = 'X';
    Verdict v = verify(phalaWith(q), PHALA_TIME, DEFAULT, Optional.empty());
    assertThat(codes(v)).contains("TDX_PCK_CHAIN_MALFORMED");
    assertThat(v.reasons().get(0).message()).contains("expected 3 certificates");
  }

  @Test
  void collateralForAnotherFmspc_mismatch() {
    Verdict v = verify(evidence(TRUSTEE_QUOTE, phalaCollateral()), PHALA_TIME,
        TdxPolicy.newBuilder().setAllowDebug(true).build(), Optional.empty());
    assertThat(codes(v)).containsExactly("TDX_COLLATERAL_MISMATCH");
    assertThat(v.reasons().get(0).message()).contains("fmspc: expected 50806f000000").contains("got b0c06f000000");
  }

  @Test
  void negative_qeAuthDataModified_onlyQeBindingFails() {
    Verdict v = verify(evidence(QE_AUTH_MODIFIED, phalaCollateral()), PHALA_TIME, DEFAULT, Optional.empty());
    assertThat(codes(v)).containsExactly("TDX_QE_REPORT_DATA_MISMATCH");
  }
}
