package dev.gpucc.attestation.tdx.collateral;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import com.google.gson.Strictness;
import com.google.gson.stream.JsonReader;
import dev.gpucc.attestation.EvidenceFormatException;
import dev.gpucc.attestation.Hex;
import dev.gpucc.attestation.tdx.TdxCodes;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;

/**
 * Typed, strict reads of collateral JSON (values only: signatures are checked over raw bytes
 * elsewhere). Every failure, including Gson's unchecked ones, becomes an
 * {@link EvidenceFormatException} with code TDX_COLLATERAL_MALFORMED.
 */
final class Json {
  private Json() {}

  static JsonObject object(byte[] raw, String what) throws EvidenceFormatException {
    try {
      JsonReader reader = new JsonReader(new StringReader(new String(raw, StandardCharsets.UTF_8)));
      reader.setStrictness(Strictness.STRICT);
      JsonElement e = JsonParser.parseReader(reader);
      if (!e.isJsonObject()) {
        throw bad(what + " is not a JSON object");
      }
      return e.getAsJsonObject();
    } catch (RuntimeException e) {
      throw bad(what + " is not valid JSON: " + e.getMessage());
    }
  }

  static JsonElement member(JsonObject o, String key, String what) throws EvidenceFormatException {
    JsonElement e = o.get(key);
    if (e == null || e.isJsonNull()) {
      throw bad(what + " lacks \"" + key + "\"");
    }
    return e;
  }

  static String string(JsonObject o, String key, String what) throws EvidenceFormatException {
    JsonElement e = member(o, key, what);
    if (!e.isJsonPrimitive() || !e.getAsJsonPrimitive().isString()) {
      throw bad(what + "." + key + " is not a string");
    }
    return e.getAsString();
  }

  static long integer(JsonObject o, String key, String what) throws EvidenceFormatException {
    JsonElement e = member(o, key, what);
    if (!e.isJsonPrimitive() || !e.getAsJsonPrimitive().isNumber()) {
      throw bad(what + "." + key + " is not a number");
    }
    try {
      return e.getAsBigDecimal().longValueExact();
    } catch (ArithmeticException | NumberFormatException ex) {
      throw bad(what + "." + key + " is not an integer");
    }
  }

  static byte[] hex(JsonObject o, String key, int length, String what) throws EvidenceFormatException {
    String s = string(o, key, what);
    try {
      return Hex.decode(s, length, what + "." + key);
    } catch (IllegalArgumentException e) {
      throw bad(e.getMessage());
    }
  }

  static Instant instant(JsonObject o, String key, String what) throws EvidenceFormatException {
    String s = string(o, key, what);
    try {
      return Instant.parse(s);
    } catch (DateTimeParseException e) {
      throw bad(what + "." + key + " is not an ISO-8601 instant: " + s);
    }
  }

  static JsonObject obj(JsonObject o, String key, String what) throws EvidenceFormatException {
    JsonElement e = member(o, key, what);
    if (!e.isJsonObject()) {
      throw bad(what + "." + key + " is not an object");
    }
    return e.getAsJsonObject();
  }

  static List<JsonObject> objects(JsonObject o, String key, String what) throws EvidenceFormatException {
    JsonElement e = member(o, key, what);
    if (!e.isJsonArray()) {
      throw bad(what + "." + key + " is not an array");
    }
    List<JsonObject> out = new ArrayList<>();
    for (JsonElement x : e.getAsJsonArray()) {
      if (!x.isJsonObject()) {
        throw bad(what + "." + key + " contains a non-object");
      }
      out.add(x.getAsJsonObject());
    }
    return out;
  }

  /** Optional array of strings (e.g. advisoryIDs); absent = empty. */
  static List<String> strings(JsonObject o, String key, String what) throws EvidenceFormatException {
    JsonElement e = o.get(key);
    List<String> out = new ArrayList<>();
    if (e == null || e.isJsonNull()) {
      return out;
    }
    if (!e.isJsonArray()) {
      throw bad(what + "." + key + " is not an array");
    }
    JsonArray a = e.getAsJsonArray();
    for (JsonElement x : a) {
      if (!x.isJsonPrimitive() || !x.getAsJsonPrimitive().isString()) {
        throw bad(what + "." + key + " contains a non-string");
      }
      out.add(x.getAsString());
    }
    return out;
  }

  static EvidenceFormatException bad(String message) {
    return new EvidenceFormatException(TdxCodes.COLLATERAL_MALFORMED, message);
  }
}
