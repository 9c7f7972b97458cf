package dev.gpucc.attestation.tdx.abi;

import dev.gpucc.attestation.EvidenceFormatException;
import dev.gpucc.attestation.tdx.TdxCodes;
import java.util.Arrays;

/**
 * Bounds-checked little-endian reads over a byte array. Every read that would run past
 * {@code limit} throws {@link EvidenceFormatException} (never an index exception), so a parser
 * built on it throws only its own exception for any input.
 */
final class LeReader {
  private final byte[] data;
  private final int limit;
  private final String what;

  LeReader(byte[] data, int limit, String what) {
    this.data = data;
    this.limit = Math.min(limit, data.length);
    this.what = what;
  }

  void need(int offset, long length) throws EvidenceFormatException {
    if (offset < 0 || length < 0 || offset + length > limit) {
      throw new EvidenceFormatException(
          TdxCodes.QUOTE_TRUNCATED,
          what + ": needs bytes [" + offset + ", " + (offset + length) + ") but only " + limit
              + " are available");
    }
  }

  int u16(int offset) throws EvidenceFormatException {
    need(offset, 2);
    return (data[offset] & 0xff) | (data[offset + 1] & 0xff) << 8;
  }

  long u32(int offset) throws EvidenceFormatException {
    need(offset, 4);
    return (data[offset] & 0xffL)
        | (data[offset + 1] & 0xffL) << 8
        | (data[offset + 2] & 0xffL) << 16
        | (data[offset + 3] & 0xffL) << 24;
  }

  long u64(int offset) throws EvidenceFormatException {
    need(offset, 8);
    long v = 0;
    for (int i = 7; i >= 0; i--) {
      v = v << 8 | (data[offset + i] & 0xffL);
    }
    return v;
  }

  byte[] bytes(int offset, int length) throws EvidenceFormatException {
    need(offset, length);
    return Arrays.copyOfRange(data, offset, offset + length);
  }
}
