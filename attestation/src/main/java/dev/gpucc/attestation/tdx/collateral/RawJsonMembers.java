package dev.gpucc.attestation.tdx.collateral;

import dev.gpucc.attestation.EvidenceFormatException;
import dev.gpucc.attestation.tdx.TdxCodes;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Finds the exact byte span of each member value of a top-level JSON object, without decoding
 * or re-serializing anything. Intel signs the {@code tcbInfo} / {@code enclaveIdentity} object
 * text exactly as PCS serves it (evidence-formats §3.6), so the signature must be checked over
 * these raw bytes; re-encoding with any JSON library could change spacing, key order or number
 * formatting and break (or, worse, fake) the match.
 *
 * <p>A small strict scanner (RFC 8259 structure; strings, numbers and literals are skipped, not
 * converted). Only structural characters are ASCII, so scanning UTF-8 bytes is safe. Throws only
 * {@link EvidenceFormatException}; duplicate top-level keys are refused (which value was signed
 * would be ambiguous).
 */
public final class RawJsonMembers {
  private static final int MAX_DEPTH = 64;
  private final byte[] b;
  private int pos;

  private RawJsonMembers(byte[] bytes) {
    this.b = bytes;
  }

  /** Maps each top-level key (decoded only if it has no escapes) to its value's raw bytes. */
  public static Map<String, byte[]> parse(byte[] json) throws EvidenceFormatException {
    RawJsonMembers p = new RawJsonMembers(json);
    Map<String, byte[]> out = new LinkedHashMap<>();
    p.ws();
    p.expect('{');
    p.ws();
    if (p.peek() == '}') {
      p.pos++;
    } else {
      while (true) {
        p.ws();
        int ks = p.pos;
        p.string();
        String key = new String(json, ks + 1, p.pos - ks - 2, StandardCharsets.UTF_8);
        p.ws();
        p.expect(':');
        p.ws();
        int vs = p.pos;
        p.value(0);
        if (out.put(key, Arrays.copyOfRange(json, vs, p.pos)) != null) {
          throw p.fail("duplicate key \"" + key + "\"");
        }
        p.ws();
        int c = p.next();
        if (c == '}') {
          break;
        }
        if (c != ',') {
          throw p.fail("expected ',' or '}'");
        }
      }
    }
    p.ws();
    if (p.pos != json.length) {
      throw p.fail("unexpected data after the JSON object");
    }
    return out;
  }

  private void value(int depth) throws EvidenceFormatException {
    if (depth > MAX_DEPTH) {
      throw fail("nesting deeper than " + MAX_DEPTH);
    }
    int c = peek();
    switch (c) {
      case '{' -> container('{', '}', true, depth);
      case '[' -> container('[', ']', false, depth);
      case '"' -> string();
      case 't' -> literal("true");
      case 'f' -> literal("false");
      case 'n' -> literal("null");
      default -> number();
    }
  }

  private void container(char open, char close, boolean object, int depth)
      throws EvidenceFormatException {
    expect(open);
    ws();
    if (peek() == close) {
      pos++;
      return;
    }
    while (true) {
      ws();
      if (object) {
        string();
        ws();
        expect(':');
        ws();
      }
      value(depth + 1);
      ws();
      int c = next();
      if (c == close) {
        return;
      }
      if (c != ',') {
        throw fail("expected ',' or '" + close + "'");
      }
    }
  }

  private void string() throws EvidenceFormatException {
    expect('"');
    while (true) {
      int c = next();
      if (c == '"') {
        return;
      }
      if (c == '\\') {
        int e = next();
        if (e == 'u') {
          for (int i = 0; i < 4; i++) {
            int h = next();
            if (Character.digit(h, 16) < 0) {
              throw fail("bad \\u escape");
            }
          }
        } else if ("\"\\/bfnrt".indexOf(e) < 0) {
          throw fail("bad escape");
        }
      } else if (c < 0x20) {
        throw fail("control character in string");
      }
    }
  }

  private void number() throws EvidenceFormatException {
    int start = pos;
    if (peek() == '-') {
      pos++;
    }
    int digits = 0;
    while (pos < b.length) {
      int c = b[pos] & 0xff;
      if ((c >= '0' && c <= '9') || c == '.' || c == 'e' || c == 'E' || c == '+' || c == '-') {
        pos++;
        digits++;
      } else {
        break;
      }
    }
    if (digits == 0 || pos == start) {
      throw fail("unexpected character");
    }
  }

  private void literal(String word) throws EvidenceFormatException {
    for (int i = 0; i < word.length(); i++) {
      if (next() != word.charAt(i)) {
        throw fail("bad literal");
      }
    }
  }

  private void ws() {
    while (pos < b.length && (b[pos] == ' ' || b[pos] == '\n' || b[pos] == '\r' || b[pos] == '\t')) {
      pos++;
    }
  }

  private int peek() throws EvidenceFormatException {
    if (pos >= b.length) {
      throw fail("unexpected end of JSON");
    }
    return b[pos] & 0xff;
  }

  private int next() throws EvidenceFormatException {
    int c = peek();
    pos++;
    return c;
  }

  private void expect(char c) throws EvidenceFormatException {
    if (next() != c) {
      pos--;
      throw fail("expected '" + c + "'");
    }
  }

  private EvidenceFormatException fail(String why) {
    return new EvidenceFormatException(
        TdxCodes.COLLATERAL_MALFORMED, "collateral JSON: " + why + " at byte " + pos);
  }
}
