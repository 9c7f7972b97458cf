package dev.gpucc.attestation.tdx;

import dev.gpucc.attestation.Hex;
import dev.gpucc.attestation.Verdict;
import dev.gpucc.attestation.tdx.abi.PckExtensions;
import dev.gpucc.attestation.tdx.abi.TdReportBody;
import dev.gpucc.attestation.tdx.abi.TdxQuote;
import dev.gpucc.attestation.tdx.collateral.TcbEvaluation;
import java.util.ArrayList;
import java.util.List;

/** Writes the "tdx." claims (docs/TDX.md lists each) from parsed and verified values. */
final class TdxClaims {
  private TdxClaims() {}

  static void quote(TdxQuote q, Verdict.Builder out) {
    TdReportBody b = q.body();
    out.claim("tdx.version", q.version());
    out.claim("tdx.body_type", b.bodyType());
    out.claim("tdx.qe_vendor_id", Hex.encode(q.header().qeVendorId()));
    out.claim("tdx.tee_tcb_svn", Hex.encode(b.teeTcbSvn()));
    out.claim("tdx.mrseam", Hex.encode(b.mrSeam()));
    out.claim("tdx.mrsignerseam", Hex.encode(b.mrSignerSeam()));
    out.claim("tdx.seam_attributes", Hex.encode(b.seamAttributes()));
    out.claim("tdx.td_attributes", Hex.encode(b.tdAttributes()));
    out.claim("tdx.td_attributes_u64", String.format("0x%016x", b.tdAttributesValue()));
    out.claim("tdx.debug", b.debug());
    out.claim("tdx.xfam", Hex.encode(b.xfam()));
    out.claim("tdx.mrtd", Hex.encode(b.mrTd()));
    out.claim("tdx.mrconfigid", Hex.encode(b.mrConfigId()));
    out.claim("tdx.mrowner", Hex.encode(b.mrOwner()));
    out.claim("tdx.mrownerconfig", Hex.encode(b.mrOwnerConfig()));
    for (int i = 0; i < 4; i++) {
      out.claim("tdx.rtmr" + i, Hex.encode(b.rtmr(i)));
    }
    out.claim("tdx.report_data", Hex.encode(b.reportData()));
    if (b.bodyType() == 3) {
      out.claim("tdx.tee_tcb_svn2", Hex.encode(b.teeTcbSvn2()));
      out.claim("tdx.mrservicetd", Hex.encode(b.mrServiceTd()));
    }
    out.claim("tdx.qe_svn", q.signatureData().qeReport().isvSvn());
    out.claim("tdx.trailing_bytes", q.trailingByteCount());
    out.claim("tdx.trailing_bytes_nonzero", q.trailingBytesNonZero());
  }

  static void pck(PckExtensions e, Verdict.Builder out) {
    out.claim("tdx.fmspc", Hex.encode(e.fmspc()));
    out.claim("tdx.pce_id", Hex.encode(e.pceId()));
    out.claim("tdx.pce_svn", e.pceSvn());
    List<Integer> comps = new ArrayList<>();
    for (int c : e.tcbComponents()) {
      comps.add(c);
    }
    out.claim("tdx.pck_tcb_components", comps);
  }

  static void tcb(TcbEvaluation t, long evaluationDataNumber, Verdict.Builder out) {
    out.claim("tdx.tcb_status", t.status());
    out.claim("tdx.tcb_date", t.tcbDate().toString());
    out.claim("tdx.advisory_ids", t.advisoryIds());
    out.claim("tdx.tcb.platform_status", t.platformStatus());
    out.claim("tdx.tcb.module_status", t.moduleStatus() == null ? "n/a (TDX 1.0 module)" : t.moduleStatus());
    out.claim("tdx.tcb.qe_status", t.qeStatus() == null ? "NotEvaluated" : t.qeStatus());
    out.claim("tdx.tcb_evaluation_data_number", evaluationDataNumber);
  }
}
