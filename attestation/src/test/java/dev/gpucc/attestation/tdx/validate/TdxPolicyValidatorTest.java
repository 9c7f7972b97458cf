package dev.gpucc.attestation.tdx.validate;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gpucc.attestation.Reason;
import dev.gpucc.attestation.tdx.TdxVectors;
import dev.gpucc.attestation.tdx.abi.TdxQuote;
import dev.gpucc.attestation.tdx.abi.TdxQuoteParser;
import dev.gpucc.attestation.tdx.collateral.TcbEvaluation;
import dev.gpucc.proto.v1.TdxPolicy;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class TdxPolicyValidatorTest {
  private static final Instant AT = Instant.parse("2025-07-01T00:00:00Z");

  private static TdxPolicyValidator.Facts facts(TcbEvaluation tcb, List<String> missing) throws Exception {
    TdxQuote q = TdxQuoteParser.parse(TdxVectors.bytes(TdxVectors.TRUSTEE_QUOTE));
    return new TdxPolicyValidator.Facts(q.body(), 4, 11, false, 0, missing, tcb, AT);
  }

  private static TcbEvaluation status(String s, Instant since) {
    return new TcbEvaluation(s, s, null, "UpToDate", Instant.parse("2023-02-15T00:00:00Z"),
        List.of("INTEL-SA-00837"), since);
  }

  @Test
  void collectsEveryViolation_withFieldExpectedActual() throws Exception {
    TdxPolicy p = TdxPolicy.newBuilder()
        .addMrtd("00".repeat(48)).addRtmr0("11".repeat(48)).addRtmr1("22".repeat(48)).addRtmr2("33".repeat(48))
        .addRtmr3("44".repeat(48)).addMrconfigid("55".repeat(48)).addMrowner("66".repeat(48))
        .addMrownerconfig("77".repeat(48)).addMrseam("88".repeat(48)).setTdAttributes("0000000000000000")
        .setXfam("0000000000000000").setMinTeeTcbSvn("ff" + "00".repeat(15)).setMinQeSvn(5).setMinPceSvn(12)
        .build();
    List<Reason> r = TdxPolicyValidator.validate(p, facts(null, List.of()), Optional.empty());
    assertThat(r).extracting(Reason::code).containsOnly("TDX_POLICY", "TDX_DEBUG");
    assertThat(r).extracting(Reason::message).anySatisfy(m -> assertThat(m).startsWith("tdx.mrtd: expected 0000")
            .contains("got 705ee9381b8633a9"))
        .anySatisfy(m -> assertThat(m).startsWith("tdx.rtmr0:")).anySatisfy(m -> assertThat(m).startsWith("tdx.rtmr3:"))
        .anySatisfy(m -> assertThat(m).startsWith("tdx.mrconfigid:")).anySatisfy(m -> assertThat(m).startsWith("tdx.mrowner:"))
        .anySatisfy(m -> assertThat(m).startsWith("tdx.mrownerconfig:")).anySatisfy(m -> assertThat(m).startsWith("tdx.mrseam:"))
        .anySatisfy(m -> assertThat(m).startsWith("tdx.td_attributes: expected 0000000000000000, got 0100001000000000"))
        .anySatisfy(m -> assertThat(m).startsWith("tdx.xfam:"))
        .anySatisfy(m -> assertThat(m).startsWith("tdx.min_tee_tcb_svn:").contains("byte 0 is 3 < 255"))
        .anySatisfy(m -> assertThat(m).isEqualTo("tdx.min_qe_svn: expected >= 5, got 4"))
        .anySatisfy(m -> assertThat(m).isEqualTo("tdx.min_pce_svn: expected >= 12, got 11"));
    assertThat(r).hasSize(15);
  }

  @Test
  void allowListMatch_passes() throws Exception {
    TdxPolicy p = TdxPolicy.newBuilder().setAllowDebug(true).addMrtd("00".repeat(48))
        .addMrtd("705ee9381b8633a9fbe532b52345e8433343d2868959f57889d84ca377c395b689cac1599ccea1b7d420483a9ce5f031")
        .setXfam("e742060000000000").build();
    assertThat(TdxPolicyValidator.validate(p, facts(null, List.of()), Optional.empty())).isEmpty();
  }

  @Test
  void invalidPolicyHex_failsClosed() throws Exception {
    TdxPolicy p = TdxPolicy.newBuilder().setAllowDebug(true).addMrtd("xyz").setReportData("00").build();
    assertThat(TdxPolicyValidator.validate(p, facts(null, List.of()), Optional.empty()))
        .extracting(Reason::code).containsExactly("TDX_POLICY_INVALID", "TDX_POLICY_INVALID");
  }

  @Test
  void tcbStatus_defaultUpToDateOnly() throws Exception {
    TdxPolicy p = TdxPolicy.newBuilder().setAllowDebug(true).build();
    assertThat(TdxPolicyValidator.validate(p, facts(status("UpToDate", null), List.of()), Optional.empty())).isEmpty();
    List<Reason> r = TdxPolicyValidator.validate(p, facts(status("SWHardeningNeeded", null), List.of()), Optional.empty());
    assertThat(r).extracting(Reason::code).containsExactly("TDX_TCB_STATUS");
    assertThat(r.get(0).message()).contains("expected one of [UpToDate], got SWHardeningNeeded").contains("INTEL-SA-00837");
    TdxPolicy allow = p.toBuilder().addAllowedTcbStatuses("UpToDate").addAllowedTcbStatuses("SWHardeningNeeded").build();
    assertThat(TdxPolicyValidator.validate(allow, facts(status("SWHardeningNeeded", null), List.of()), Optional.empty())).isEmpty();
  }

  @Test
  void outOfDateGrace_fromSupersedingLevelDate() throws Exception {
    TdxPolicy p = TdxPolicy.newBuilder().setAllowDebug(true).setOutOfDateGraceDays(30).build();
    Instant since = AT.minusSeconds(29L * 86400);
    assertThat(TdxPolicyValidator.validate(p, facts(status("OutOfDate", since), List.of()), Optional.empty())).isEmpty();
    Instant old = AT.minusSeconds(31L * 86400);
    List<Reason> r = TdxPolicyValidator.validate(p, facts(status("OutOfDate", old), List.of()), Optional.empty());
    assertThat(r).extracting(Reason::code).containsExactly("TDX_TCB_STATUS");
    assertThat(r.get(0).message()).contains("out_of_date_grace_days=30");
    assertThat(TdxPolicyValidator.validate(p, facts(status("Revoked", since), List.of()), Optional.empty()))
        .extracting(Reason::code).containsExactly("TDX_TCB_STATUS");
  }

  @Test
  void missingCollateral_rejectedUnlessAccepted() throws Exception {
    TdxPolicy p = TdxPolicy.newBuilder().setAllowDebug(true).build();
    assertThat(TdxPolicyValidator.validate(p, facts(null, List.of("tcb_info")), Optional.empty()))
        .extracting(Reason::code).containsExactly("TDX_COLLATERAL_MISSING");
    assertThat(TdxPolicyValidator.validate(p.toBuilder().setAcceptMissingCollateral(true).build(),
        facts(null, List.of("tcb_info")), Optional.empty())).isEmpty();
  }

  @Test
  void reportData_policyValueAndExpected() throws Exception {
    TdxPolicy p = TdxPolicy.newBuilder().setAllowDebug(true).setReportData("00".repeat(64)).build();
    List<Reason> r = TdxPolicyValidator.validate(p, facts(null, List.of()), Optional.of(new byte[32]));
    assertThat(r).extracting(Reason::code).containsExactly("TDX_REPORT_DATA_MISMATCH", "TDX_REPORT_DATA_MISMATCH");
  }
}
