package dev.gpucc.attestation;

import java.security.GeneralSecurityException;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.Date;
import java.util.List;

/**
 * Walks a certificate chain, leaf first, up to a given root: each certificate's signature is
 * checked with its issuer's key through the explicit provider, issuer and subject names must
 * link, issuers must be CAs, and every certificate must be valid at the verification instant.
 * Which root is acceptable (pinned vendor root, simulated root) is the caller's decision.
 */
public final class ChainVerifier {
  private ChainVerifier() {}

  /**
   * @param chain leaf first; the last element must be the root (self-signed)
   * @param codePrefix prefix for reason codes, e.g. "SNP" gives SNP_CHAIN_SIGNATURE
   */
  public static void verify(
      List<X509Certificate> chain, Instant at, VerifyOptions options, String codePrefix)
      throws AttestationVerificationException {
    if (chain.isEmpty()) {
      throw new AttestationVerificationException(codePrefix + "_CHAIN_EMPTY", "certificate chain is empty");
    }
    for (int i = 0; i < chain.size(); i++) {
      X509Certificate cert = chain.get(i);
      X509Certificate issuer = i + 1 < chain.size() ? chain.get(i + 1) : cert;
      checkValidity(cert, at, codePrefix);
      if (!cert.getIssuerX500Principal().equals(issuer.getSubjectX500Principal())) {
        throw new AttestationVerificationException(
            codePrefix + "_CHAIN_BROKEN",
            "certificate '" + subject(cert) + "' is issued by '" + cert.getIssuerX500Principal()
                + "', but the next certificate is '" + subject(issuer) + "'");
      }
      if (issuer != cert && issuer.getBasicConstraints() < 0) {
        throw new AttestationVerificationException(
            codePrefix + "_CHAIN_NOT_CA",
            "issuer '" + subject(issuer) + "' is not a CA certificate");
      }
      try {
        cert.verify(issuer.getPublicKey(), options.provider());
      } catch (GeneralSecurityException | RuntimeException e) {
        throw new AttestationVerificationException(
            codePrefix + "_CHAIN_SIGNATURE",
            "signature on '" + subject(cert) + "' does not verify with the key of '"
                + subject(issuer) + "'");
      }
    }
  }

  public static void checkValidity(X509Certificate cert, Instant at, String codePrefix)
      throws AttestationVerificationException {
    Date when = Date.from(at);
    if (when.before(cert.getNotBefore())) {
      throw new AttestationVerificationException(
          codePrefix + "_CERT_NOT_YET_VALID",
          "certificate '" + subject(cert) + "' is not valid before "
              + cert.getNotBefore().toInstant() + " (verification time " + at + ")");
    }
    if (when.after(cert.getNotAfter())) {
      throw new AttestationVerificationException(
          codePrefix + "_CERT_EXPIRED",
          "certificate '" + subject(cert) + "' expired at " + cert.getNotAfter().toInstant()
              + " (verification time " + at + ")");
    }
  }

  public static String subject(X509Certificate cert) {
    return cert.getSubjectX500Principal().getName();
  }
}
