package dev.gpucc.attestation.tdx.abi;

import dev.gpucc.attestation.EvidenceFormatException;
import dev.gpucc.attestation.tdx.TdxCodes;

/**
 * Parses TDX quotes v4 and v5 (body types 2 and 3) by their declared lengths (evidence-formats
 * §3.1-§3.4). Throws only {@link EvidenceFormatException} (fuzzed by TdxQuoteParserFuzzTest).
 * Bytes after the declared signature data are kept and reported, not interpreted: whether they
 * are acceptable is a policy decision ({@code TdxPolicy.allow_trailing_data}).
 */
public final class TdxQuoteParser {
  /** A quote larger than this is refused before parsing (configfs-tsm outblob max is 32 KiB). */
  public static final int MAX_QUOTE_SIZE = 64 * 1024;

  private TdxQuoteParser() {}

  public static TdxQuote parse(byte[] quote) throws EvidenceFormatException {
    if (quote == null) {
      throw new EvidenceFormatException(TdxCodes.QUOTE_TRUNCATED, "quote is missing");
    }
    if (quote.length > MAX_QUOTE_SIZE) {
      throw new EvidenceFormatException(
          TdxCodes.QUOTE_MALFORMED, "quote is " + quote.length + " bytes, more than " + MAX_QUOTE_SIZE);
    }
    byte[] raw = quote.clone();
    LeReader r = new LeReader(raw, raw.length, "TDX quote (" + raw.length + " bytes)");
    QuoteHeader header = QuoteHeader.parse(r);
    if (header.version() != 4 && header.version() != 5) {
      throw new EvidenceFormatException(
          TdxCodes.UNSUPPORTED_VERSION, "quote version: expected 4 or 5, got " + header.version());
    }
    if (header.attestationKeyType() != QuoteHeader.ATT_KEY_TYPE_ECDSA_P256) {
      throw new EvidenceFormatException(
          TdxCodes.UNSUPPORTED_KEY_TYPE,
          "attestation key type: expected 2 (ECDSA P-256), got " + header.attestationKeyType());
    }
    if (header.teeType() != QuoteHeader.TEE_TYPE_TDX) {
      throw new EvidenceFormatException(
          TdxCodes.UNSUPPORTED_TEE_TYPE,
          "TEE type: expected 0x81 (TDX), got 0x" + Long.toHexString(header.teeType()));
    }
    int bodyBase;
    int bodyType;
    int bodySize;
    if (header.version() == 4) {
      bodyBase = QuoteHeader.SIZE;
      bodyType = 2;
      bodySize = TdReportBody.SIZE_TDX10;
    } else {
      bodyType = r.u16(48);
      long size = r.u32(50);
      long expected = bodyType == 2 ? TdReportBody.SIZE_TDX10 : bodyType == 3 ? TdReportBody.SIZE_TDX15 : -1;
      if (expected < 0) {
        throw new EvidenceFormatException(
            TdxCodes.UNSUPPORTED_BODY_TYPE,
            "v5 body type: expected 2 (TDX 1.0) or 3 (TDX 1.5), got " + bodyType);
      }
      if (size != expected) {
        throw new EvidenceFormatException(
            TdxCodes.QUOTE_MALFORMED,
            "v5 body size for type " + bodyType + ": expected " + expected + ", got " + size);
      }
      bodyBase = 54;
      bodySize = (int) size;
    }
    TdReportBody body = TdReportBody.parse(r, bodyBase, bodyType);
    int signedLength = bodyBase + bodySize;
    long sigLen = r.u32(signedLength);
    int sigBase = signedLength + 4;
    if (sigBase + sigLen > raw.length) {
      throw new EvidenceFormatException(
          TdxCodes.QUOTE_TRUNCATED,
          "declared signature data length " + sigLen + " exceeds the quote: only "
              + (raw.length - sigBase) + " bytes follow");
    }
    int sigEnd = (int) (sigBase + sigLen);
    QuoteSignatureData sd =
        QuoteSignatureData.parse(new LeReader(raw, sigEnd, "TDX quote signature data"), sigBase, sigEnd);
    return new TdxQuote(raw, header, body, signedLength, sd, sigEnd);
  }
}
