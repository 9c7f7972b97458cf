package dev.gpucc.attestation.tdx.abi;

import java.util.Arrays;

/**
 * A parsed TDX ECDSA quote, v4 or v5 (evidence-formats §3). Keeps the raw bytes: signatures are
 * checked over {@link #signedRegion()} exactly as received, never over a re-encoding.
 * Immutable; created by {@link TdxQuoteParser}.
 */
public final class TdxQuote {
  private final byte[] raw;
  private final QuoteHeader header;
  private final TdReportBody body;
  private final int signedLength;
  private final QuoteSignatureData signatureData;
  private final int signatureDataEnd;

  TdxQuote(
      byte[] raw,
      QuoteHeader header,
      TdReportBody body,
      int signedLength,
      QuoteSignatureData signatureData,
      int signatureDataEnd) {
    this.raw = raw;
    this.header = header;
    this.body = body;
    this.signedLength = signedLength;
    this.signatureData = signatureData;
    this.signatureDataEnd = signatureDataEnd;
  }

  public QuoteHeader header() {
    return header;
  }

  public int version() {
    return header.version();
  }

  public TdReportBody body() {
    return body;
  }

  public QuoteSignatureData signatureData() {
    return signatureData;
  }

  /** The bytes the attestation key signed: v4 [0, 632), v5 header + body descriptor + body. */
  public byte[] signedRegion() {
    return Arrays.copyOfRange(raw, 0, signedLength);
  }

  public byte[] raw() {
    return raw.clone();
  }

  /** Number of bytes after the declared end of the signature data. */
  public int trailingByteCount() {
    return raw.length - signatureDataEnd;
  }

  /** True if any byte after the declared signature data is non-zero (zero padding is harmless). */
  public boolean trailingBytesNonZero() {
    for (int i = signatureDataEnd; i < raw.length; i++) {
      if (raw[i] != 0) {
        return true;
      }
    }
    return false;
  }
}
