package dev.gpucc.attestation;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Reads evidence the way other tools write it: raw binary, or hex text (snpguest, nvtrust),
 * possibly with whitespace and line breaks.
 */
public final class EvidenceFiles {
  private EvidenceFiles() {}

  /** Returns the decoded bytes if the file is entirely hex text (and non-empty), else the raw bytes. */
  public static byte[] readBinaryOrHex(Path file) throws IOException {
    return binaryOrHex(Files.readAllBytes(file));
  }

  public static byte[] binaryOrHex(byte[] raw) {
    if (looksLikeHexText(raw)) {
      return Hex.decode(new String(raw, StandardCharsets.US_ASCII));
    }
    return raw;
  }

  static boolean looksLikeHexText(byte[] raw) {
    int digits = 0;
    int start = 0;
    if (raw.length >= 2 && raw[0] == '0' && (raw[1] == 'x' || raw[1] == 'X')) {
      start = 2;
    }
    for (int i = start; i < raw.length; i++) {
      byte b = raw[i];
      if ((b >= '0' && b <= '9') || (b >= 'a' && b <= 'f') || (b >= 'A' && b <= 'F')) {
        digits++;
      } else if (b != ' ' && b != '\n' && b != '\r' && b != '\t') {
        return false;
      }
    }
    return digits > 0 && digits % 2 == 0;
  }
}
