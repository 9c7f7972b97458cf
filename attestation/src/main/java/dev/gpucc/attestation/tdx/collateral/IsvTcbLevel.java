package dev.gpucc.attestation.tdx.collateral;

import java.time.Instant;
import java.util.List;

/**
 * A TCB level keyed by one ISV SVN: QE identity levels and TDX module identity levels
 * (evidence-formats §3.6). Statuses there are UpToDate, OutOfDate or Revoked.
 */
public record IsvTcbLevel(int isvSvn, Instant tcbDate, String tcbStatus, List<String> advisoryIds) {
  public IsvTcbLevel {
    advisoryIds = List.copyOf(advisoryIds);
  }

  static IsvTcbLevel parse(com.google.gson.JsonObject o, String what)
      throws dev.gpucc.attestation.EvidenceFormatException {
    com.google.gson.JsonObject tcb = Json.obj(o, "tcb", what);
    long svn = Json.integer(tcb, "isvsvn", what + ".tcb");
    if (svn < 0 || svn > 65535) {
      throw Json.bad(what + ".tcb.isvsvn out of range: " + svn);
    }
    return new IsvTcbLevel(
        (int) svn,
        Json.instant(o, "tcbDate", what),
        Json.string(o, "tcbStatus", what),
        Json.strings(o, "advisoryIDs", what));
  }
}
