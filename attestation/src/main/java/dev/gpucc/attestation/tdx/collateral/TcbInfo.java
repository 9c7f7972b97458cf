package dev.gpucc.attestation.tdx.collateral;

import com.google.gson.JsonObject;
import dev.gpucc.attestation.EvidenceFormatException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Intel TDX TCB info (v3, {@code id} "TDX"; evidence-formats §3.6), parsed from the raw
 * {@code tcbInfo} object bytes. Immutable. Whether it is authentic is decided by
 * {@link CollateralVerifier}, not here.
 */
public final class TcbInfo {
  private final String id;
  private final int version;
  private final Instant issueDate;
  private final Instant nextUpdate;
  private final byte[] fmspc;
  private final byte[] pceId;
  private final long tcbEvaluationDataNumber;
  private final TdxModuleIdentity tdxModule;
  private final List<TdxModuleIdentity> tdxModuleIdentities;
  private final List<PlatformTcbLevel> tcbLevels;

  private TcbInfo(JsonObject o) throws EvidenceFormatException {
    String w = "tcbInfo";
    id = Json.string(o, "id", w);
    long v = Json.integer(o, "version", w);
    if (v < 0 || v > Integer.MAX_VALUE) {
      throw Json.bad("tcbInfo.version out of range");
    }
    version = (int) v;
    issueDate = Json.instant(o, "issueDate", w);
    nextUpdate = Json.instant(o, "nextUpdate", w);
    fmspc = Json.hex(o, "fmspc", 6, w);
    pceId = Json.hex(o, "pceId", 2, w);
    tcbEvaluationDataNumber = Json.integer(o, "tcbEvaluationDataNumber", w);
    tdxModule = o.has("tdxModule") ? TdxModuleIdentity.parse(Json.obj(o, "tdxModule", w), w + ".tdxModule", false) : null;
    List<TdxModuleIdentity> ids = new ArrayList<>();
    if (o.has("tdxModuleIdentities")) {
      List<JsonObject> raw = Json.objects(o, "tdxModuleIdentities", w);
      for (int i = 0; i < raw.size(); i++) {
        ids.add(TdxModuleIdentity.parse(raw.get(i), w + ".tdxModuleIdentities[" + i + "]", true));
      }
    }
    tdxModuleIdentities = List.copyOf(ids);
    List<PlatformTcbLevel> levels = new ArrayList<>();
    List<JsonObject> raw = Json.objects(o, "tcbLevels", w);
    for (int i = 0; i < raw.size(); i++) {
      levels.add(PlatformTcbLevel.parse(raw.get(i), w + ".tcbLevels[" + i + "]"));
    }
    tcbLevels = List.copyOf(levels);
  }

  /** Parses the raw bytes of the {@code tcbInfo} object (not the whole PCS body). */
  public static TcbInfo parse(byte[] tcbInfoObject) throws EvidenceFormatException {
    return new TcbInfo(Json.object(tcbInfoObject, "tcbInfo"));
  }

  public String id() {
    return id;
  }

  public int version() {
    return version;
  }

  public Instant issueDate() {
    return issueDate;
  }

  public Instant nextUpdate() {
    return nextUpdate;
  }

  public byte[] fmspc() {
    return fmspc.clone();
  }

  public byte[] pceId() {
    return pceId.clone();
  }

  public long tcbEvaluationDataNumber() {
    return tcbEvaluationDataNumber;
  }

  /** The legacy {@code tdxModule} entry (TDX 1.0 modules), or null if absent. */
  public TdxModuleIdentity tdxModule() {
    return tdxModule;
  }

  public List<TdxModuleIdentity> tdxModuleIdentities() {
    return tdxModuleIdentities;
  }

  /** Ordered as served: highest level first. */
  public List<PlatformTcbLevel> tcbLevels() {
    return tcbLevels;
  }
}
