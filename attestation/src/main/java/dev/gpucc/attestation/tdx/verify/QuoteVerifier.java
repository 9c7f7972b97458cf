package dev.gpucc.attestation.tdx.verify;

import dev.gpucc.attestation.AttestationVerificationException;
import dev.gpucc.attestation.CertificateFiles;
import dev.gpucc.attestation.ChainVerifier;
import dev.gpucc.attestation.Digests;
import dev.gpucc.attestation.EvidenceFormatException;
import dev.gpucc.attestation.Hex;
import dev.gpucc.attestation.SimulatedRoots;
import dev.gpucc.attestation.VerifyOptions;
import dev.gpucc.attestation.tdx.TdxCodes;
import dev.gpucc.attestation.tdx.abi.PckExtensions;
import dev.gpucc.attestation.tdx.abi.QuoteSignatureData;
import dev.gpucc.attestation.tdx.abi.TdxQuote;
import java.security.GeneralSecurityException;
import java.security.PublicKey;
import java.security.cert.CertificateException;
import java.security.cert.X509Certificate;
import java.util.Arrays;
import java.util.List;

/**
 * The cryptographic checks of a TDX quote (evidence-formats §3.7 steps 1, 2, 5, 6, 8), each a
 * separate method that returns normally or throws {@link AttestationVerificationException} with a
 * stable code, so the caller can run all of them and report every failure.
 */
public final class QuoteVerifier {
  private QuoteVerifier() {}

  /** QE vendor ID must be Intel's (QVL rejects others). */
  public static void checkQeVendor(TdxQuote quote) throws AttestationVerificationException {
    if (!quote.header().isIntelQeVendor()) {
      throw new AttestationVerificationException(
          TdxCodes.QE_VENDOR_UNKNOWN,
          "QE vendor ID: expected " + dev.gpucc.attestation.tdx.abi.QuoteHeader.INTEL_QE_VENDOR_ID
              + ", got " + Hex.encode(quote.header().qeVendorId()));
    }
  }

  /** Quote signature: P-256/SHA-256 over the signed region with the raw attestation key. */
  public static void verifyQuoteSignature(TdxQuote quote, VerifyOptions options)
      throws AttestationVerificationException {
    QuoteSignatureData sd = quote.signatureData();
    PublicKey key;
    try {
      key = P256.publicKey(sd.attestationKey(), options.provider());
    } catch (GeneralSecurityException | RuntimeException e) {
      throw new AttestationVerificationException(
          TdxCodes.QUOTE_SIGNATURE_INVALID, "attestation key is not a valid P-256 point");
    }
    if (!P256.verify(key, quote.signedRegion(), sd.quoteSignature(), options.provider())) {
      throw new AttestationVerificationException(
          TdxCodes.QUOTE_SIGNATURE_INVALID,
          "quote signature does not verify with the attestation key (signed bytes [0, "
              + quote.signedRegion().length + "))");
    }
  }

  /** QE report signature: P-256/SHA-256 over the 384 QE report bytes with the PCK leaf key. */
  public static void verifyQeReportSignature(TdxQuote quote, X509Certificate pckLeaf, VerifyOptions options)
      throws AttestationVerificationException {
    QuoteSignatureData sd = quote.signatureData();
    if (!P256.verify(pckLeaf.getPublicKey(), sd.qeReport().raw(), sd.qeReportSignature(), options.provider())) {
      throw new AttestationVerificationException(
          TdxCodes.QE_REPORT_SIGNATURE_INVALID, "QE report signature does not verify with the PCK leaf key");
    }
  }

  /** QE binding: QE REPORTDATA == SHA-256(attestation key || QE auth data) || 32 zero bytes. */
  public static void verifyQeBinding(TdxQuote quote) throws AttestationVerificationException {
    QuoteSignatureData sd = quote.signatureData();
    byte[] expected = Arrays.copyOf(Digests.sha256(sd.attestationKey(), sd.qeAuthData()), 64);
    byte[] actual = sd.qeReport().reportData();
    if (!Digests.equal(expected, actual)) {
      throw new AttestationVerificationException(
          TdxCodes.QE_REPORT_DATA_MISMATCH,
          "QE report_data: expected SHA-256(attestation key || QE auth data) || zeros = "
              + Hex.encode(expected) + ", got " + Hex.encode(actual));
    }
  }

  /**
   * Parses the embedded PCK chain (leaf, intermediate, root), checks that every certificate is
   * valid at {@code options.at()}, that the chain verifies, and that the root is the pinned Intel
   * root or a simulated root the options trust.
   */
  public static PckChain verifyPckChain(TdxQuote quote, VerifyOptions options)
      throws AttestationVerificationException {
    List<X509Certificate> certs = parseChain(quote.signatureData().pckChainPem());
    X509Certificate root = certs.get(2);
    boolean simulated = checkRoot(root, options, TdxCodes.PCK_CHAIN_UNTRUSTED_ROOT, "PCK chain");
    for (X509Certificate c : certs) {
      ChainVerifier.checkValidity(c, options.at(), "TDX");
    }
    ChainVerifier.verify(certs, options.at(), options, "TDX_PCK");
    X509Certificate leaf = certs.get(0);
    if (!ChainVerifier.subject(leaf).contains("SGX PCK Certificate")) {
      throw new AttestationVerificationException(
          TdxCodes.PCK_LEAF_INVALID,
          "PCK leaf subject: expected a CN containing 'SGX PCK Certificate', got '"
              + ChainVerifier.subject(leaf) + "'");
    }
    PckExtensions ext;
    try {
      ext = PckExtensions.parse(leaf);
    } catch (EvidenceFormatException e) {
      throw e.asVerificationFailure();
    }
    return new PckChain(leaf, certs.get(1), root, ext, simulated);
  }

  /**
   * Accepts the pinned Intel root, or a simulated root when the options allow it.
   *
   * @return true if the root is simulated
   */
  public static boolean checkRoot(
      X509Certificate root, VerifyOptions options, String untrustedCode, String what)
      throws AttestationVerificationException {
    if (IntelRoots.isIntelRoot(root)) {
      return false;
    }
    if (SimulatedRoots.isSimulated(root)) {
      SimulatedRoots.checkTrusted(root, options);
      return true;
    }
    throw new AttestationVerificationException(
        untrustedCode,
        what + " root: expected the Intel SGX Root CA (sha256 " + IntelRoots.SGX_ROOT_CA_SHA256
            + "), got '" + ChainVerifier.subject(root) + "' (sha256 " + SimulatedRoots.sha256Hex(root) + ")");
  }

  private static List<X509Certificate> parseChain(byte[] pem) throws AttestationVerificationException {
    List<X509Certificate> certs;
    try {
      certs = CertificateFiles.parse(pem);
    } catch (CertificateException | RuntimeException e) {
      throw new AttestationVerificationException(
          TdxCodes.PCK_CHAIN_MALFORMED, "embedded PCK chain does not parse: " + e.getMessage());
    }
    if (certs.size() != 3) {
      throw new AttestationVerificationException(
          TdxCodes.PCK_CHAIN_MALFORMED,
          "embedded PCK chain: expected 3 certificates (leaf, intermediate, root), got " + certs.size());
    }
    return certs;
  }
}
