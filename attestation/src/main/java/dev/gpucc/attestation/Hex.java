package dev.gpucc.attestation;

import java.util.HexFormat;
import java.util.Locale;

/** Lower-case hex, the form used in policies, claims and messages. */
public final class Hex {
  private static final HexFormat FORMAT = HexFormat.of();

  private Hex() {}

  public static String encode(byte[] bytes) {
    return FORMAT.formatHex(bytes);
  }

  /**
   * Decodes hex, ignoring ASCII whitespace and an optional {@code 0x} prefix.
   *
   * @throws IllegalArgumentException with a readable message when the text is not hex
   */
  public static byte[] decode(String text) {
    String s = text.strip();
    if (s.startsWith("0x") || s.startsWith("0X")) {
      s = s.substring(2);
    }
    s = s.replaceAll("\\s+", "").toLowerCase(Locale.ROOT);
    if (s.length() % 2 != 0) {
      throw new IllegalArgumentException("hex text has an odd number of digits (" + s.length() + ")");
    }
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (!((c >= '0' && c <= '9') || (c >= 'a' && c <= 'f'))) {
        throw new IllegalArgumentException("not hex: character '" + c + "' at position " + i);
      }
    }
    return FORMAT.parseHex(s);
  }

  /** Decodes hex that must be exactly {@code expectedLength} bytes. */
  public static byte[] decode(String text, int expectedLength, String what) {
    byte[] b = decode(text);
    if (b.length != expectedLength) {
      throw new IllegalArgumentException(
          what + " must be " + expectedLength + " bytes (" + 2 * expectedLength
              + " hex digits), got " + b.length);
    }
    return b;
  }
}
