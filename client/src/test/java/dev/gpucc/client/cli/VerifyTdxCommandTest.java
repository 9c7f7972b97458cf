package dev.gpucc.client.cli;

import static dev.gpucc.attestation.tdx.TdxVectors.*;
import static org.assertj.core.api.Assertions.assertThat;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import dev.gpucc.attestation.tdx.TdxVectors;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The TDX vectors through {@code gpucc verify tdx}, with the verdicts of testvectors/README.md. */
class VerifyTdxCommandTest {
  @TempDir Path dir;

  record Result(int code, String out, String err) {
    JsonObject json() {
      return JsonParser.parseString(out).getAsJsonObject();
    }

    List<String> codes() {
      List<String> c = new ArrayList<>();
      json().getAsJsonArray("reasons").forEach(r -> c.add(r.getAsJsonObject().get("code").getAsString()));
      return c;
    }
  }

  private Path file(String vector) throws IOException {
    Path p = dir.resolve(vector.replace('/', '_'));
    Files.write(p, TdxVectors.bytes(vector));
    return p;
  }

  private Result run(String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    List<String> all = new ArrayList<>(List.of("verify", "tdx"));
    all.addAll(List.of(args));
    int code = GpuccCli.run(all.toArray(String[]::new), new PrintWriter(out, true), new PrintWriter(err, true));
    return new Result(code, out.toString(), err.toString());
  }

  private Path policy(String json) throws IOException {
    Path p = dir.resolve("policy-" + json.hashCode() + ".json");
    Files.writeString(p, json);
    return p;
  }

  @Test
  void phala_withCombinedCollateral_accepted() throws Exception {
    Result r = run("--quote", file(PHALA_QUOTE).toString(), "--collateral", file(PHALA_COLLATERAL).toString(),
        "--at", "2025-07-01T00:00:00Z", "--json");
    assertThat(r.code()).as(r.out() + r.err()).isEqualTo(0);
    assertThat(r.json().get("verdict").getAsString()).isEqualTo("ACCEPTED");
    assertThat(r.json().getAsJsonObject("claims").get("tdx.tcb_status").getAsString()).isEqualTo("UpToDate");
  }

  @Test
  void sprE4_withPcsFiles_noTcbLevel_rejected() throws Exception {
    Result r = run("--quote", file(SPR_E4_QUOTE).toString(),
        "--collateral", file(SPR_E4 + "sample_tcbInfo_response").toString(),
        "--collateral", file(SPR_E4 + "sample_qeIdentity_response").toString(),
        "--collateral", file(SPR_E4 + "derived/tcb_info_issuer_chain.pem").toString(),
        "--collateral", file(SPR_E4 + "derived/pck_crl_issuer_chain.pem").toString(),
        "--collateral", file(SPR_E4 + "pckcrl").toString(),
        "--collateral", file(SPR_E4 + "rootcrl.der").toString(),
        "--policy", policy("{\"tdx\":{\"allowTrailingData\":true}}").toString(),
        "--at", "2023-07-01T01:00:00Z", "--json");
    assertThat(r.code()).isEqualTo(1);
    assertThat(r.codes()).containsExactly("TDX_TCB_NOT_SUPPORTED");
  }

  @Test
  void trustee_withSprE4Collateral_debugRejected() throws Exception {
    Result r = run("--quote", file(TRUSTEE_QUOTE).toString(),
        "--collateral", file(SPR_E4 + "sample_tcbInfo_response").toString(),
        "--collateral", file(SPR_E4 + "sample_qeIdentity_response").toString(),
        "--collateral", file(SPR_E4 + "derived/tcb_info_issuer_chain.pem").toString(),
        "--collateral", file(SPR_E4 + "pckcrl").toString(),
        "--collateral", file(SPR_E4 + "rootcrl.der").toString(),
        "--at", "2023-07-01T01:00:00Z", "--json");
    assertThat(r.code()).isEqualTo(1);
    assertThat(r.codes()).containsExactly("TDX_DEBUG");
    assertThat(r.json().getAsJsonObject("claims").get("tdx.tcb_status").getAsString()).isEqualTo("UpToDate");
  }

  @Test
  void gce_reportData_acceptedAndMismatch() throws Exception {
    Path pol = policy("{\"tdx\":{\"acceptMissingCollateral\":true}}");
    Result ok = run("--quote", file(GCE_QUOTE).toString(), "--report-data", "00".repeat(64),
        "--policy", pol.toString(), "--at", "2025-01-01T00:00:00Z");
    assertThat(ok.code()).as(ok.out()).isEqualTo(0);
    assertThat(ok.out()).contains("ACCEPTED");
    Result bad = run("--quote", file(GCE_QUOTE).toString(), "--report-data", "01".repeat(64),
        "--policy", pol.toString(), "--at", "2025-01-01T00:00:00Z", "--json");
    assertThat(bad.code()).isEqualTo(1);
    assertThat(bad.codes()).containsExactly("TDX_REPORT_DATA_MISMATCH");
  }

  @Test
  void v5_renewedAndExpiredSigningChain() throws Exception {
    Path pol = policy("{\"tdx\":{\"acceptMissingCollateral\":true}}");
    Result ok = run("--quote", file(V5_QUOTE).toString(), "--collateral", file(V5 + "sample_tcbinfo_response_v5").toString(),
        "--collateral", file(V5 + "derived/tcb_info_issuer_chain_from_phala.pem").toString(),
        "--policy", pol.toString(), "--at", "2026-02-03T01:00:00Z", "--json");
    assertThat(ok.code()).as(ok.out()).isEqualTo(0);
    assertThat(ok.json().getAsJsonObject("claims").get("tdx.tcb_status").getAsString()).isEqualTo("UpToDate");
    Result old = run("--quote", file(V5_QUOTE).toString(), "--collateral", file(V5 + "sample_tcbinfo_response_v5").toString(),
        "--collateral", file(SPR_E4 + "derived/tcb_info_issuer_chain.pem").toString(),
        "--policy", pol.toString(), "--at", "2026-02-03T01:00:00Z", "--json");
    assertThat(old.code()).isEqualTo(1);
    assertThat(old.codes()).containsExactly("TDX_CERT_EXPIRED");
  }

  @Test
  void sprE4_at2053_expired() throws Exception {
    Result r = run("--quote", file(SPR_E4_QUOTE).toString(), "--at", "2053-07-01T00:00:00Z", "--json",
        "--policy", policy("{\"tdx\":{\"acceptMissingCollateral\":true,\"allowTrailingData\":true}}").toString());
    assertThat(r.code()).isEqualTo(1);
    assertThat(r.codes()).containsExactly("TDX_CERT_EXPIRED");
  }

  @Test
  void negatives_rejectedWithTheirReason() throws Exception {
    String[][] cases = {
      {MRTD_BITFLIP, "TDX_QUOTE_SIGNATURE_INVALID"},
      {TRUNCATED, "TDX_QUOTE_TRUNCATED"},
      {QE_AUTH_MODIFIED, "TDX_QE_REPORT_DATA_MISMATCH"},
    };
    for (String[] c : cases) {
      Result r = run("--quote", file(c[0]).toString(), "--collateral", file(PHALA_COLLATERAL).toString(),
          "--at", "2025-07-01T00:00:00Z", "--json");
      assertThat(r.code()).as(c[0]).isEqualTo(1);
      assertThat(r.codes()).as(c[0]).containsExactly(c[1]);
    }
  }

  @Test
  void malformedCollateral_rejectedNotUsage() throws Exception {
    Path junk = dir.resolve("junk");
    Files.writeString(junk, "not collateral");
    Result r = run("--quote", file(PHALA_QUOTE).toString(), "--collateral", junk.toString(),
        "--at", "2025-07-01T00:00:00Z", "--json");
    assertThat(r.code()).isEqualTo(1);
    assertThat(r.codes()).contains("TDX_COLLATERAL_MALFORMED");
  }

  @Test
  void sprE4_and_trustee_withoutCollateral_cryptoAccepted() throws Exception {
    Path crypto = policy("{\"tdx\":{\"acceptMissingCollateral\":true,\"allowTrailingData\":true,\"allowDebug\":true}}");
    Result spr = run("--quote", file(SPR_E4_QUOTE).toString(), "--policy", crypto.toString(),
        "--at", "2023-07-01T01:00:00Z", "--json");
    assertThat(spr.code()).as(spr.out()).isEqualTo(0);
    assertThat(spr.json().getAsJsonObject("claims").get("tdx.tcb_status").getAsString()).isEqualTo("NotEvaluated");
    Result dflt = run("--quote", file(SPR_E4_QUOTE).toString(), "--at", "2023-07-01T01:00:00Z", "--json");
    assertThat(dflt.code()).isEqualTo(1);
    assertThat(dflt.codes()).containsExactlyInAnyOrder("TDX_COLLATERAL_MISSING", "TDX_TRAILING_DATA");
    Result trustee = run("--quote", file(TRUSTEE_QUOTE).toString(), "--policy", crypto.toString(),
        "--at", "2025-06-01T00:00:00Z", "--json");
    assertThat(trustee.code()).as(trustee.out()).isEqualTo(0);
  }

  @Test
  void simulated_acceptedOnlyWithAllowSimulated_andLabelled() throws Exception {
    dev.gpucc.proto.v1.TdxEvidence e =
        dev.gpucc.attestation.tdx.sim.SimulatedIntelAuthority.generate().attest(new byte[64]);
    Path q = dir.resolve("sim_quote");
    Files.write(q, e.getQuote().toByteArray());
    Path tcb = dir.resolve("sim_tcb.json");
    Files.write(tcb, e.getCollateral().getTcbInfoJson().toByteArray());
    Path qe = dir.resolve("sim_qe.json");
    Files.write(qe, e.getCollateral().getQeIdentityJson().toByteArray());
    Path chain = dir.resolve("sim_chain.pem");
    Files.write(chain, e.getCollateral().getTcbInfoIssuerChainPem().toByteArray());
    Path pckCrl = dir.resolve("sim_pck.crl");
    Files.write(pckCrl, e.getCollateral().getPckCrl().toByteArray());
    Path rootCrl = dir.resolve("sim_root.crl");
    Files.write(rootCrl, e.getCollateral().getRootCaCrl().toByteArray());
    String[] args = {"--quote", q.toString(), "--collateral", tcb.toString(), "--collateral", qe.toString(),
        "--collateral", chain.toString(), "--collateral", pckCrl.toString(), "--collateral", rootCrl.toString()};
    Result denied = run(concat(args, "--json"));
    assertThat(denied.code()).isEqualTo(1);
    assertThat(denied.codes()).contains("SIMULATED_NOT_ALLOWED");
    Result ok = run(concat(args, "--policy", policy("{\"allowSimulated\":true}").toString()));
    assertThat(ok.code()).as(ok.out()).isEqualTo(0);
    assertThat(ok.out()).contains("SIMULATED EVIDENCE").contains("ACCEPTED");
  }

  private static String[] concat(String[] a, String... more) {
    List<String> all = new ArrayList<>(List.of(a));
    all.addAll(List.of(more));
    return all.toArray(String[]::new);
  }

  @Test
  void usageErrors_exit2() throws Exception {
    assertThat(run().code()).isEqualTo(2);
    assertThat(run("--quote", dir.resolve("missing").toString()).code()).isEqualTo(2);
    assertThat(run("--quote", file(PHALA_QUOTE).toString(), "--report-data", "00").code()).isEqualTo(2);
    assertThat(run("--quote", file(PHALA_QUOTE).toString(), "--at", "yesterday").code()).isEqualTo(2);
    assertThat(run("--quote", file(PHALA_QUOTE).toString(), "--policy", policy("{\"tdx\":{\"nope\":1}}").toString())
        .code()).isEqualTo(2);
  }
}
