package dev.gpucc.attestation.tdx.abi;

import dev.gpucc.attestation.EvidenceFormatException;
import dev.gpucc.attestation.tdx.TdxCodes;

/**
 * ECDSA-256 quote signature data with certification data type 6 (QE report certification data)
 * wrapping type 5 (PCK certificate chain, PEM); layout per evidence-formats §3.4. Every nested
 * length must fit inside its container and end exactly where the container ends (all real
 * quotes we know of do): slack inside signed-looking structures is refused rather than ignored.
 */
public final class QuoteSignatureData {
  /** Certification data type 6: QE report certification data. */
  public static final int CERT_TYPE_QE_REPORT = 6;
  /** Certification data type 5: concatenated PCK certificate chain (PEM). */
  public static final int CERT_TYPE_PCK_CHAIN = 5;

  private final byte[] quoteSignature;
  private final byte[] attestationKey;
  private final EnclaveReport qeReport;
  private final byte[] qeReportSignature;
  private final byte[] qeAuthData;
  private final byte[] pckChainPem;

  private QuoteSignatureData(
      byte[] quoteSignature,
      byte[] attestationKey,
      EnclaveReport qeReport,
      byte[] qeReportSignature,
      byte[] qeAuthData,
      byte[] pckChainPem) {
    this.quoteSignature = quoteSignature;
    this.attestationKey = attestationKey;
    this.qeReport = qeReport;
    this.qeReportSignature = qeReportSignature;
    this.qeAuthData = qeAuthData;
    this.pckChainPem = pckChainPem;
  }

  /**
   * Parses the signature data occupying {@code [base, end)}.
   */
  static QuoteSignatureData parse(LeReader r, int base, int end) throws EvidenceFormatException {
    byte[] sig = r.bytes(base, 64);
    byte[] key = r.bytes(base + 64, 64);
    int certType = r.u16(base + 128);
    if (certType != CERT_TYPE_QE_REPORT) {
      throw new EvidenceFormatException(
          TdxCodes.UNSUPPORTED_CERT_DATA,
          "certification data type: expected 6 (QE report), got " + certType);
    }
    long certSize = r.u32(base + 130);
    int certBase = base + 134;
    if (certBase + certSize != end) {
      throw new EvidenceFormatException(
          TdxCodes.QUOTE_MALFORMED,
          "certification data size " + certSize + " does not fill the signature data (expected "
              + (end - certBase) + ")");
    }
    EnclaveReport qe = EnclaveReport.parse(r, certBase);
    byte[] qeSig = r.bytes(certBase + 384, 64);
    int authLen = r.u16(certBase + 448);
    byte[] auth = r.bytes(certBase + 450, authLen);
    int inner = certBase + 450 + authLen;
    int innerType = r.u16(inner);
    if (innerType != CERT_TYPE_PCK_CHAIN) {
      throw new EvidenceFormatException(
          TdxCodes.UNSUPPORTED_CERT_DATA,
          "inner certification data type: expected 5 (PCK chain), got " + innerType);
    }
    long innerSize = r.u32(inner + 2);
    if (inner + 6 + innerSize != end) {
      throw new EvidenceFormatException(
          TdxCodes.QUOTE_MALFORMED,
          "PCK chain size " + innerSize + " does not end at the end of the certification data"
              + " (expected " + (end - inner - 6) + ")");
    }
    byte[] pem = r.bytes(inner + 6, (int) innerSize);
    return new QuoteSignatureData(sig, key, qe, qeSig, auth, pem);
  }

  /** Quote signature r||s (32 bytes each, big-endian). */
  public byte[] quoteSignature() {
    return quoteSignature.clone();
  }

  /** Attestation public key x||y (P-256, 32 bytes each, big-endian, no 0x04 prefix). */
  public byte[] attestationKey() {
    return attestationKey.clone();
  }

  public EnclaveReport qeReport() {
    return qeReport;
  }

  /** QE report signature r||s by the PCK leaf key. */
  public byte[] qeReportSignature() {
    return qeReportSignature.clone();
  }

  public byte[] qeAuthData() {
    return qeAuthData.clone();
  }

  /** The PCK chain as embedded (PEM text, possibly with a trailing NUL). */
  public byte[] pckChainPem() {
    return pckChainPem.clone();
  }
}
