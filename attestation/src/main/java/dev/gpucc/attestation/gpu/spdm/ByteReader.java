package dev.gpucc.attestation.gpu.spdm;

import dev.gpucc.attestation.EvidenceFormatException;
import java.util.Arrays;

/**
 * Bounds-checked little-endian reader over a byte array. Every read that would run past the end
 * throws {@link EvidenceFormatException} with code {@code GPU_EVIDENCE_TRUNCATED}, naming the
 * field, so a parser built on it never throws anything else for short input.
 */
final class ByteReader {
  private final byte[] data;
  private final int base;
  private int pos;

  ByteReader(byte[] data, int base) {
    this.data = data;
    this.base = base;
  }

  int position() {
    return pos;
  }

  int remaining() {
    return data.length - pos;
  }

  int u8(String field) throws EvidenceFormatException {
    need(1, field);
    return data[pos++] & 0xFF;
  }

  int u16(String field) throws EvidenceFormatException {
    need(2, field);
    int v = (data[pos] & 0xFF) | (data[pos + 1] & 0xFF) << 8;
    pos += 2;
    return v;
  }

  int u24(String field) throws EvidenceFormatException {
    need(3, field);
    int v = (data[pos] & 0xFF) | (data[pos + 1] & 0xFF) << 8 | (data[pos + 2] & 0xFF) << 16;
    pos += 3;
    return v;
  }

  byte[] bytes(int n, String field) throws EvidenceFormatException {
    need(n, field);
    byte[] out = Arrays.copyOfRange(data, pos, pos + n);
    pos += n;
    return out;
  }

  private void need(int n, String field) throws EvidenceFormatException {
    if (n < 0 || n > data.length - pos) {
      throw new EvidenceFormatException(
          SpdmCodes.TRUNCATED,
          field + " at offset " + (base + pos) + " needs " + n + " bytes, only "
              + (data.length - pos) + " remain");
    }
  }
}
