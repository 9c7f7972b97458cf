package dev.gpucc.attestation.tdx.validate;

import dev.gpucc.attestation.Digests;
import dev.gpucc.attestation.Hex;
import dev.gpucc.attestation.Reason;
import dev.gpucc.attestation.tdx.TdxCodes;
import dev.gpucc.attestation.tdx.abi.TdReportBody;
import dev.gpucc.attestation.tdx.collateral.TcbEvaluation;
import dev.gpucc.attestation.tdx.collateral.TcbEvaluator;
import dev.gpucc.proto.v1.TdxPolicy;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Applies a {@link TdxPolicy} (proto/gpucc/v1/tdx_policy.proto; every key in docs/TDX.md) to a
 * verified quote. Collects EVERY violation; each reason names the field, the expected and the
 * actual value. Invalid policy values are reported as TDX_POLICY_INVALID (fail closed).
 */
public final class TdxPolicyValidator {
  private TdxPolicyValidator() {}

  /** What the policy looks at, gathered by the verifier. */
  public record Facts(
      TdReportBody body,
      int qeSvn,
      Integer pceSvn,
      boolean trailingNonZero,
      int trailingCount,
      List<String> missingCollateral,
      TcbEvaluation tcb,
      Instant at) {}

  public static List<Reason> validate(TdxPolicy p, Facts f, Optional<byte[]> expectedReportData) {
    List<Reason> out = new ArrayList<>();
    TdReportBody b = f.body();
    reportData(p, b, expectedReportData, out);
    if (b.debug() && !p.getAllowDebug()) {
      out.add(new Reason(TdxCodes.DEBUG, "td_attributes.DEBUG: expected 0 (production TD), got 1 (TDATTRIBUTES "
          + Hex.encode(b.tdAttributes()) + "); the host can read this TD's memory"));
    }
    allow(out, "mrtd", p.getMrtdList(), b.mrTd(), 48);
    allow(out, "rtmr0", p.getRtmr0List(), b.rtmr(0), 48);
    allow(out, "rtmr1", p.getRtmr1List(), b.rtmr(1), 48);
    allow(out, "rtmr2", p.getRtmr2List(), b.rtmr(2), 48);
    allow(out, "rtmr3", p.getRtmr3List(), b.rtmr(3), 48);
    allow(out, "mrconfigid", p.getMrconfigidList(), b.mrConfigId(), 48);
    allow(out, "mrowner", p.getMrownerList(), b.mrOwner(), 48);
    allow(out, "mrownerconfig", p.getMrownerconfigList(), b.mrOwnerConfig(), 48);
    allow(out, "mrseam", p.getMrseamList(), b.mrSeam(), 48);
    if (!p.getTdAttributes().isEmpty()) {
      allow(out, "td_attributes", List.of(p.getTdAttributes()), b.tdAttributes(), 8);
    }
    if (!p.getXfam().isEmpty()) {
      allow(out, "xfam", List.of(p.getXfam()), b.xfam(), 8);
    }
    minTeeTcbSvn(p, b, out);
    if (f.qeSvn() < p.getMinQeSvn()) {
      out.add(violation("min_qe_svn", ">= " + p.getMinQeSvn(), String.valueOf(f.qeSvn())));
    }
    if (p.getMinPceSvn() > 0 && (f.pceSvn() == null || f.pceSvn() < p.getMinPceSvn())) {
      out.add(violation("min_pce_svn", ">= " + p.getMinPceSvn(),
          f.pceSvn() == null ? "unknown (PCK certificate not verified)" : String.valueOf(f.pceSvn())));
    }
    if (f.trailingNonZero() && !p.getAllowTrailingData()) {
      out.add(new Reason(TdxCodes.TRAILING_DATA, "trailing bytes after the signature data: expected none or"
          + " zero padding (allow_trailing_data=false), got " + f.trailingCount() + " bytes, some non-zero"));
    }
    if (!f.missingCollateral().isEmpty() && !p.getAcceptMissingCollateral()) {
      out.add(new Reason(TdxCodes.COLLATERAL_MISSING, "collateral missing: " + f.missingCollateral()
          + "; TCB status NOT evaluated (set accept_missing_collateral to accept that)"));
    }
    tcbStatus(p, f, out);
    return out;
  }

  private static void reportData(TdxPolicy p, TdReportBody b, Optional<byte[]> expected, List<Reason> out) {
    byte[] actual = b.reportData();
    if (expected.isPresent()) {
      check(out, "expected report data", expected.get(), actual);
    }
    if (!p.getReportData().isEmpty()) {
      try {
        check(out, "report_data (policy)", Hex.decode(p.getReportData(), 64, "report_data"), actual);
      } catch (IllegalArgumentException e) {
        out.add(new Reason(TdxCodes.POLICY_INVALID, "tdx.report_data: " + e.getMessage()));
      }
    }
  }

  private static void check(List<Reason> out, String what, byte[] want, byte[] actual) {
    if (want.length != 64 || !Digests.equal(want, actual)) {
      out.add(new Reason(TdxCodes.REPORT_DATA_MISMATCH, "report_data: expected " + Hex.encode(want)
          + " (" + what + "), got " + Hex.encode(actual)));
    }
  }

  private static void allow(List<Reason> out, String field, List<String> allowed, byte[] actual, int len) {
    if (allowed.isEmpty()) {
      return;
    }
    for (String s : allowed) {
      try {
        if (Arrays.equals(Hex.decode(s, len, field), actual)) {
          return;
        }
      } catch (IllegalArgumentException e) {
        out.add(new Reason(TdxCodes.POLICY_INVALID, "tdx." + field + ": " + e.getMessage()));
        return;
      }
    }
    String want = allowed.size() == 1 ? allowed.get(0).toLowerCase(Locale.ROOT) : "one of " + allowed;
    out.add(violation(field, want, Hex.encode(actual)));
  }

  private static void minTeeTcbSvn(TdxPolicy p, TdReportBody b, List<Reason> out) {
    if (p.getMinTeeTcbSvn().isEmpty()) {
      return;
    }
    byte[] min;
    try {
      min = Hex.decode(p.getMinTeeTcbSvn(), 16, "min_tee_tcb_svn");
    } catch (IllegalArgumentException e) {
      out.add(new Reason(TdxCodes.POLICY_INVALID, "tdx.min_tee_tcb_svn: " + e.getMessage()));
      return;
    }
    byte[] svn = b.teeTcbSvn();
    for (int i = 0; i < 16; i++) {
      if ((svn[i] & 0xff) < (min[i] & 0xff)) {
        out.add(violation("min_tee_tcb_svn", "every byte >= " + Hex.encode(min),
            Hex.encode(svn) + " (byte " + i + " is " + (svn[i] & 0xff) + " < " + (min[i] & 0xff) + ")"));
        return;
      }
    }
  }

  private static void tcbStatus(TdxPolicy p, Facts f, List<Reason> out) {
    TcbEvaluation t = f.tcb();
    if (t == null) {
      return;
    }
    List<String> allowed = p.getAllowedTcbStatusesList().isEmpty()
        ? List.of(TcbEvaluator.UP_TO_DATE) : p.getAllowedTcbStatusesList();
    if (allowed.contains(t.status())) {
      return;
    }
    if (TcbEvaluator.OUT_OF_DATE.equals(t.status()) && p.getOutOfDateGraceDays() > 0 && t.outOfDateSince() != null) {
      Instant deadline = t.outOfDateSince().plus(Duration.ofDays(p.getOutOfDateGraceDays()));
      if (!f.at().isAfter(deadline)) {
        return;
      }
      out.add(new Reason(TdxCodes.TCB_STATUS, "tcb_status: expected one of " + allowed + " or OutOfDate until "
          + deadline + " (out_of_date_grace_days=" + p.getOutOfDateGraceDays() + " after " + t.outOfDateSince()
          + "), got OutOfDate at " + f.at() + " (advisories " + t.advisoryIds() + ")"));
      return;
    }
    out.add(new Reason(TdxCodes.TCB_STATUS, "tcb_status: expected one of " + allowed + ", got " + t.status()
        + " (advisories " + t.advisoryIds() + ")"));
  }

  private static Reason violation(String field, String expected, String actual) {
    return new Reason(TdxCodes.POLICY, "tdx." + field + ": expected " + expected + ", got " + actual);
  }
}
