package dev.gpucc.attestation.tdx.collateral;

import java.time.Instant;
import java.util.List;

/**
 * The outcome of TCB level matching (evidence-formats §3.8).
 *
 * @param status the converged status (platform, then TDX module, then QE)
 * @param platformStatus status of the matched platform level
 * @param moduleStatus status of the matched TDX module identity level, or null (TDX 1.0 module)
 * @param qeStatus status of the matched QE identity level, or null when QE identity was not
 *     evaluated
 * @param tcbDate tcbDate of the matched platform level
 * @param advisoryIds union of the advisories of all matched levels, in order of appearance
 * @param outOfDateSince for statuses derived from an OutOfDate level: the earliest tcbDate of the
 *     level that superseded a matched OutOfDate level (when the platform became out of date);
 *     null otherwise. Used by the OutOfDate grace rule (docs/TDX.md).
 */
public record TcbEvaluation(
    String status,
    String platformStatus,
    String moduleStatus,
    String qeStatus,
    Instant tcbDate,
    List<String> advisoryIds,
    Instant outOfDateSince) {
  public TcbEvaluation {
    advisoryIds = List.copyOf(advisoryIds);
  }
}
