package dev.gpucc.attestation.tdx.collateral;

import com.google.gson.JsonObject;
import dev.gpucc.attestation.EvidenceFormatException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Intel QE identity v2 ({@code id} "TD_QE"; evidence-formats §3.6), parsed from the raw
 * {@code enclaveIdentity} object bytes. Immutable.
 */
public final class QeIdentity {
  private final String id;
  private final int version;
  private final Instant issueDate;
  private final Instant nextUpdate;
  private final long tcbEvaluationDataNumber;
  private final long miscSelect;
  private final long miscSelectMask;
  private final byte[] attributes;
  private final byte[] attributesMask;
  private final byte[] mrSigner;
  private final int isvProdId;
  private final List<IsvTcbLevel> tcbLevels;

  private QeIdentity(JsonObject o) throws EvidenceFormatException {
    String w = "enclaveIdentity";
    id = Json.string(o, "id", w);
    long v = Json.integer(o, "version", w);
    if (v < 0 || v > Integer.MAX_VALUE) {
      throw Json.bad("enclaveIdentity.version out of range");
    }
    version = (int) v;
    issueDate = Json.instant(o, "issueDate", w);
    nextUpdate = Json.instant(o, "nextUpdate", w);
    tcbEvaluationDataNumber = Json.integer(o, "tcbEvaluationDataNumber", w);
    // The hex text is the number in the usual (big-endian) notation, as QVL reads it.
    miscSelect = toU32(Json.hex(o, "miscselect", 4, w));
    miscSelectMask = toU32(Json.hex(o, "miscselectMask", 4, w));
    attributes = Json.hex(o, "attributes", 16, w);
    attributesMask = Json.hex(o, "attributesMask", 16, w);
    mrSigner = Json.hex(o, "mrsigner", 32, w);
    long prod = Json.integer(o, "isvprodid", w);
    if (prod < 0 || prod > 65535) {
      throw Json.bad("enclaveIdentity.isvprodid out of range: " + prod);
    }
    isvProdId = (int) prod;
    List<IsvTcbLevel> levels = new ArrayList<>();
    List<JsonObject> raw = Json.objects(o, "tcbLevels", w);
    for (int i = 0; i < raw.size(); i++) {
      levels.add(IsvTcbLevel.parse(raw.get(i), w + ".tcbLevels[" + i + "]"));
    }
    tcbLevels = List.copyOf(levels);
  }

  private static long toU32(byte[] be) {
    return (be[0] & 0xffL) << 24 | (be[1] & 0xffL) << 16 | (be[2] & 0xffL) << 8 | (be[3] & 0xffL);
  }

  /** Parses the raw bytes of the {@code enclaveIdentity} object. */
  public static QeIdentity parse(byte[] enclaveIdentityObject) throws EvidenceFormatException {
    return new QeIdentity(Json.object(enclaveIdentityObject, "enclaveIdentity"));
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

  public long tcbEvaluationDataNumber() {
    return tcbEvaluationDataNumber;
  }

  public long miscSelect() {
    return miscSelect;
  }

  public long miscSelectMask() {
    return miscSelectMask;
  }

  public byte[] attributes() {
    return attributes.clone();
  }

  public byte[] attributesMask() {
    return attributesMask.clone();
  }

  public byte[] mrSigner() {
    return mrSigner.clone();
  }

  public int isvProdId() {
    return isvProdId;
  }

  public List<IsvTcbLevel> tcbLevels() {
    return tcbLevels;
  }
}
