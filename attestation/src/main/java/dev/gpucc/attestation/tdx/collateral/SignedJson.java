package dev.gpucc.attestation.tdx.collateral;

import dev.gpucc.attestation.EvidenceFormatException;
import dev.gpucc.attestation.Hex;
import dev.gpucc.attestation.tdx.TdxCodes;
import java.nio.charset.StandardCharsets;
import java.util.Map;

/**
 * A PCS collateral body {@code {"tcbInfo"|"enclaveIdentity": {...}, "signature": "<hex>"}} split
 * into the exact signed bytes of the object and the 64-byte r||s signature.
 */
public record SignedJson(String member, byte[] signedBytes, byte[] signature) {
  /** Splits a PCS body; {@code member} is "tcbInfo" or "enclaveIdentity". */
  public static SignedJson parse(byte[] body, String member) throws EvidenceFormatException {
    Map<String, byte[]> m = RawJsonMembers.parse(body);
    byte[] obj = m.get(member);
    byte[] sig = m.get("signature");
    if (obj == null || sig == null) {
      throw new EvidenceFormatException(
          TdxCodes.COLLATERAL_MALFORMED,
          "collateral body must contain \"" + member + "\" and \"signature\", has " + m.keySet());
    }
    if (obj.length == 0 || obj[0] != '{') {
      throw new EvidenceFormatException(
          TdxCodes.COLLATERAL_MALFORMED, "\"" + member + "\" is not a JSON object");
    }
    String s = new String(sig, StandardCharsets.UTF_8);
    if (s.length() < 2 || s.charAt(0) != '"' || s.charAt(s.length() - 1) != '"') {
      throw new EvidenceFormatException(TdxCodes.COLLATERAL_MALFORMED, "\"signature\" is not a string");
    }
    byte[] rs;
    try {
      rs = Hex.decode(s.substring(1, s.length() - 1), 64, "signature");
    } catch (IllegalArgumentException e) {
      throw new EvidenceFormatException(TdxCodes.COLLATERAL_MALFORMED, e.getMessage());
    }
    return new SignedJson(member, obj, rs);
  }

  /** Rebuilds a PCS-style body around already-signed object text, keeping its bytes intact. */
  public static byte[] wrap(String member, byte[] signedBytes, byte[] signature) {
    byte[] head = ("{\"" + member + "\":").getBytes(StandardCharsets.UTF_8);
    byte[] tail = (",\"signature\":\"" + Hex.encode(signature) + "\"}").getBytes(StandardCharsets.UTF_8);
    byte[] out = new byte[head.length + signedBytes.length + tail.length];
    System.arraycopy(head, 0, out, 0, head.length);
    System.arraycopy(signedBytes, 0, out, head.length, signedBytes.length);
    System.arraycopy(tail, 0, out, head.length + signedBytes.length, tail.length);
    return out;
  }

  public byte[] signedBytes() {
    return signedBytes.clone();
  }

  public byte[] signature() {
    return signature.clone();
  }
}
