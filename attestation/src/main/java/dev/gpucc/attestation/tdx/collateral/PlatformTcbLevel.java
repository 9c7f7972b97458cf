package dev.gpucc.attestation.tdx.collateral;

import com.google.gson.JsonObject;
import dev.gpucc.attestation.EvidenceFormatException;
import java.time.Instant;
import java.util.List;

/**
 * One entry of TCB info v3 {@code tcbLevels}: 16 SGX component SVNs, PCESVN, 16 TDX component
 * SVNs, and the status Intel assigns to platforms at or above it (evidence-formats §3.6).
 */
public final class PlatformTcbLevel {
  private final int[] sgxComponents;
  private final int pceSvn;
  private final int[] tdxComponents;
  private final Instant tcbDate;
  private final String tcbStatus;
  private final List<String> advisoryIds;

  private PlatformTcbLevel(
      int[] sgx, int pceSvn, int[] tdx, Instant tcbDate, String tcbStatus, List<String> advisoryIds) {
    this.sgxComponents = sgx;
    this.pceSvn = pceSvn;
    this.tdxComponents = tdx;
    this.tcbDate = tcbDate;
    this.tcbStatus = tcbStatus;
    this.advisoryIds = List.copyOf(advisoryIds);
  }

  static PlatformTcbLevel parse(JsonObject o, String what) throws EvidenceFormatException {
    JsonObject tcb = Json.obj(o, "tcb", what);
    int[] sgx = components(tcb, "sgxtcbcomponents", what);
    int[] tdx = components(tcb, "tdxtcbcomponents", what);
    long pce = Json.integer(tcb, "pcesvn", what + ".tcb");
    if (pce < 0 || pce > 65535) {
      throw Json.bad(what + ".tcb.pcesvn out of range: " + pce);
    }
    return new PlatformTcbLevel(
        sgx,
        (int) pce,
        tdx,
        Json.instant(o, "tcbDate", what),
        Json.string(o, "tcbStatus", what),
        Json.strings(o, "advisoryIDs", what));
  }

  private static int[] components(JsonObject tcb, String key, String what)
      throws EvidenceFormatException {
    List<JsonObject> list = Json.objects(tcb, key, what + ".tcb");
    if (list.size() != 16) {
      throw Json.bad(what + ".tcb." + key + " has " + list.size() + " entries, expected 16");
    }
    int[] out = new int[16];
    for (int i = 0; i < 16; i++) {
      long svn = Json.integer(list.get(i), "svn", what + ".tcb." + key + "[" + i + "]");
      if (svn < 0 || svn > 255) {
        throw Json.bad(what + ".tcb." + key + "[" + i + "].svn out of range: " + svn);
      }
      out[i] = (int) svn;
    }
    return out;
  }

  public int[] sgxComponents() {
    return sgxComponents.clone();
  }

  public int pceSvn() {
    return pceSvn;
  }

  public int[] tdxComponents() {
    return tdxComponents.clone();
  }

  public Instant tcbDate() {
    return tcbDate;
  }

  public String tcbStatus() {
    return tcbStatus;
  }

  public List<String> advisoryIds() {
    return advisoryIds;
  }
}
