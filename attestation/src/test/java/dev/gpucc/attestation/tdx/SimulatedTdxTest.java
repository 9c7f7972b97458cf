package dev.gpucc.attestation.tdx;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.protobuf.ByteString;
import dev.gpucc.attestation.Hex;
import dev.gpucc.attestation.Reason;
import dev.gpucc.attestation.SimulatedRoots;
import dev.gpucc.attestation.Verdict;
import dev.gpucc.attestation.VerifyOptions;
import dev.gpucc.attestation.tdx.sim.SimulatedIntelAuthority;
import dev.gpucc.proto.v1.TdxEvidence;
import dev.gpucc.proto.v1.TdxPolicy;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class SimulatedTdxTest {
  private static SimulatedIntelAuthority authority;
  private static TdxEvidence evidence;
  private static final byte[] REPORT_DATA = new byte[64];

  @BeforeAll
  static void setUp() throws Exception {
    REPORT_DATA[0] = 42;
    authority = SimulatedIntelAuthority.generate();
    evidence = authority.attest(REPORT_DATA);
  }

  static Verdict verify(TdxEvidence e, boolean allowSimulated, TdxPolicy p) {
    Verdict.Builder out = Verdict.builder();
    new TdxEvidenceVerifier(VerifyOptions.builder().allowSimulatedAcknowledgingNoHardwareProtection(allowSimulated).build())
        .verify(e, Optional.of(REPORT_DATA), p, out);
    return out.build();
  }

  static List<String> codes(Verdict v) {
    return v.reasons().stream().map(Reason::code).toList();
  }

  static TdxEvidence withQuote(byte[] quote) {
    return evidence.toBuilder().setQuote(ByteString.copyFrom(quote)).build();
  }

  @Test
  void simulated_allowed_acceptedAndLabelled() {
    Verdict v = verify(evidence, true, TdxPolicy.getDefaultInstance());
    assertThat(v.reasons()).isEmpty();
    assertThat(v.simulated()).isTrue();
    assertThat(v.claims()).containsEntry("tdx.tcb_status", "UpToDate").containsEntry("tdx.tcb.qe_status", "UpToDate")
        .containsEntry("tdx.root", "SIMULATED (" + SimulatedRoots.ORGANIZATION + ")")
        .containsEntry("tdx.fmspc", "00aa00000000").containsEntry("tdx.collateral_missing", List.of());
  }

  @Test
  void simulated_notAllowed_rejected() {
    Verdict v = verify(evidence, false, TdxPolicy.getDefaultInstance());
    assertThat(codes(v)).contains("SIMULATED_NOT_ALLOWED");
    assertThat(v.simulated()).isTrue();
  }

  @Test
  void simulated_otherPinnedRoot_rejected() {
    Verdict.Builder out = Verdict.builder();
    new TdxEvidenceVerifier(VerifyOptions.builder().allowSimulatedAcknowledgingNoHardwareProtection(true)
        .simulatedRootSha256(Set.of("00".repeat(32))).build())
        .verify(evidence, Optional.of(REPORT_DATA), TdxPolicy.getDefaultInstance(), out);
    assertThat(codes(out.build())).contains("SIMULATED_ROOT_NOT_PINNED");
  }

  @Test
  void tamperedMrtd_quoteSignatureInvalid() {
    byte[] q = evidence.getQuote().toByteArray();
    q[184] ^= 1;
    assertThat(codes(verify(withQuote(q), true, TdxPolicy.getDefaultInstance())))
        .containsExactly("TDX_QUOTE_SIGNATURE_INVALID");
  }

  @Test
  void tamperedQeReport_qeReportSignatureInvalid() {
    byte[] q = evidence.getQuote().toByteArray();
    q[636 + 134 + 64] ^= 1; // QE report MRENCLAVE[0]
    assertThat(codes(verify(withQuote(q), true, TdxPolicy.getDefaultInstance())))
        .containsExactly("TDX_QE_REPORT_SIGNATURE_INVALID");
  }

  @Test
  void tamperedTcbInfo_collateralSignatureInvalid() {
    String body = evidence.getCollateral().getTcbInfoJson().toString(StandardCharsets.UTF_8);
    TdxEvidence e = evidence.toBuilder().setCollateral(evidence.getCollateral().toBuilder()
        .setTcbInfoJson(ByteString.copyFromUtf8(body.replace("\"tcbEvaluationDataNumber\":1", "\"tcbEvaluationDataNumber\":2"))))
        .build();
    Verdict v = verify(e, true, TdxPolicy.getDefaultInstance());
    assertThat(codes(v)).containsExactly("TDX_COLLATERAL_SIGNATURE_INVALID");
  }

  @Test
  void reformattedTcbInfo_signatureNoLongerMatches_neverReserialized() {
    String body = evidence.getCollateral().getTcbInfoJson().toString(StandardCharsets.UTF_8);
    TdxEvidence e = evidence.toBuilder().setCollateral(evidence.getCollateral().toBuilder()
        .setTcbInfoJson(ByteString.copyFromUtf8(body.replace("{\"id\":\"TDX\"", "{ \"id\":\"TDX\""))))
        .build();
    assertThat(codes(verify(e, true, TdxPolicy.getDefaultInstance()))).containsExactly("TDX_COLLATERAL_SIGNATURE_INVALID");
  }

  @Test
  void debugTd_rejectedByDefaultPolicy() throws Exception {
    TdxEvidence e = SimulatedIntelAuthority.generate().withTdAttributes(Hex.decode("0100001000000000"))
        .attest(REPORT_DATA);
    assertThat(codes(verify(e, true, TdxPolicy.getDefaultInstance()))).containsExactly("TDX_DEBUG");
    assertThat(codes(verify(e, true, TdxPolicy.newBuilder().setAllowDebug(true).build()))).isEmpty();
  }

  @Test
  void collateralFromOtherAuthority_untrusted() throws Exception {
    TdxEvidence other = SimulatedIntelAuthority.generate().attest(REPORT_DATA);
    TdxEvidence mixed = evidence.toBuilder().setCollateral(other.getCollateral()).build();
    Verdict v = verify(mixed, true, TdxPolicy.getDefaultInstance());
    assertThat(codes(v)).contains("TDX_COLLATERAL_CHAIN_UNTRUSTED", "TDX_CRL_INVALID");
  }

  @Test
  void revokedPck_rejected() throws Exception {
    TdxEvidence e = SimulatedIntelAuthority.generate().withPckRevoked(true).attest(REPORT_DATA);
    Verdict v = verify(e, true, TdxPolicy.getDefaultInstance());
    assertThat(codes(v)).containsExactly("TDX_PCK_REVOKED");
    assertThat(v.reasons().get(0).message()).contains("revoked by the PCK CRL");
  }

  @Test
  void outOfDate_rejectedByDefault_acceptedWhenAllowed() throws Exception {
    TdxEvidence e = SimulatedIntelAuthority.generate().withTcbStatus("OutOfDate").attest(REPORT_DATA);
    Verdict v = verify(e, true, TdxPolicy.getDefaultInstance());
    assertThat(codes(v)).containsExactly("TDX_TCB_STATUS");
    assertThat(v.claims()).containsEntry("tdx.tcb_status", "OutOfDate");
    assertThat(codes(verify(e, true, TdxPolicy.newBuilder().addAllowedTcbStatuses("OutOfDate").build()))).isEmpty();
    // Single level: out of date since its own tcbDate (today), so a 1-day grace accepts it.
    assertThat(codes(verify(e, true, TdxPolicy.newBuilder().setOutOfDateGraceDays(1).build()))).isEmpty();
  }

  @Test
  void swHardeningNeeded_policyChoice() throws Exception {
    TdxEvidence e = SimulatedIntelAuthority.generate().withTcbStatus("SWHardeningNeeded").attest(REPORT_DATA);
    assertThat(codes(verify(e, true, TdxPolicy.getDefaultInstance()))).containsExactly("TDX_TCB_STATUS");
    assertThat(codes(verify(e, true, TdxPolicy.newBuilder().addAllowedTcbStatuses("UpToDate")
        .addAllowedTcbStatuses("SWHardeningNeeded").build()))).isEmpty();
  }

  @Test
  void tdxModuleSignerMismatch_rejected() throws Exception {
    byte[] signer = new byte[48];
    signer[0] = 1;
    Verdict v = verify(SimulatedIntelAuthority.generate().withTdxModuleMrSigner(signer).attest(REPORT_DATA), true,
        TdxPolicy.getDefaultInstance());
    assertThat(codes(v)).containsExactly("TDX_MODULE_MISMATCH");
    assertThat(v.reasons().get(0).message()).contains("tdxModule.mrsigner: expected 01");
  }

  @Test
  void qeIdentityMismatch_rejected() throws Exception {
    Verdict v = verify(SimulatedIntelAuthority.generate().withQeIdentityMrSigner(new byte[32]).attest(REPORT_DATA),
        true, TdxPolicy.getDefaultInstance());
    assertThat(codes(v)).containsExactly("TDX_QE_IDENTITY_MISMATCH");
    assertThat(v.reasons().get(0).message()).contains("MRSIGNER expected 0000");
  }

  @Test
  void wrongReportData_rejected() {
    Verdict.Builder out = Verdict.builder();
    new TdxEvidenceVerifier(VerifyOptions.builder().allowSimulatedAcknowledgingNoHardwareProtection(true).build())
        .verify(evidence, Optional.of(new byte[64]), TdxPolicy.getDefaultInstance(), out);
    assertThat(codes(out.build())).containsExactly("TDX_REPORT_DATA_MISMATCH");
  }
}
