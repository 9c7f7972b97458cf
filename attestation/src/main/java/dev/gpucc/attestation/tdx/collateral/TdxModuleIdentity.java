package dev.gpucc.attestation.tdx.collateral;

import com.google.gson.JsonObject;
import dev.gpucc.attestation.EvidenceFormatException;
import java.util.ArrayList;
import java.util.List;

/**
 * TCB info {@code tdxModule} (id null) or one {@code tdxModuleIdentities} entry (id "TDX_01"...):
 * expected MRSIGNERSEAM, SEAMATTRIBUTES under a mask, and for identities their own TCB levels.
 */
public final class TdxModuleIdentity {
  private final String id;
  private final byte[] mrSigner;
  private final byte[] attributes;
  private final byte[] attributesMask;
  private final List<IsvTcbLevel> tcbLevels;

  private TdxModuleIdentity(
      String id, byte[] mrSigner, byte[] attributes, byte[] mask, List<IsvTcbLevel> levels) {
    this.id = id;
    this.mrSigner = mrSigner;
    this.attributes = attributes;
    this.attributesMask = mask;
    this.tcbLevels = List.copyOf(levels);
  }

  static TdxModuleIdentity parse(JsonObject o, String what, boolean identity)
      throws EvidenceFormatException {
    List<IsvTcbLevel> levels = new ArrayList<>();
    String id = null;
    if (identity) {
      id = Json.string(o, "id", what);
      List<JsonObject> raw = Json.objects(o, "tcbLevels", what);
      for (int i = 0; i < raw.size(); i++) {
        levels.add(IsvTcbLevel.parse(raw.get(i), what + ".tcbLevels[" + i + "]"));
      }
    }
    return new TdxModuleIdentity(
        id,
        Json.hex(o, "mrsigner", 48, what),
        Json.hex(o, "attributes", 8, what),
        Json.hex(o, "attributesMask", 8, what),
        levels);
  }

  /** "TDX_01"... for identities; null for the legacy {@code tdxModule}. */
  public String id() {
    return id;
  }

  public byte[] mrSigner() {
    return mrSigner.clone();
  }

  public byte[] attributes() {
    return attributes.clone();
  }

  public byte[] attributesMask() {
    return attributesMask.clone();
  }

  public List<IsvTcbLevel> tcbLevels() {
    return tcbLevels;
  }
}
