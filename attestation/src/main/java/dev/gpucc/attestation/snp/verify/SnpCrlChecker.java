package dev.gpucc.attestation.snp.verify;

import dev.gpucc.attestation.AttestationVerificationException;
import dev.gpucc.attestation.ChainVerifier;
import dev.gpucc.attestation.VerifyOptions;
import java.security.GeneralSecurityException;
import java.security.cert.X509CRL;
import java.security.cert.X509CRLEntry;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.List;

/**
 * Applies AMD KDS CRLs ({@code /vcek/v1/<product>/crl}, signed by the ARK; evidence-formats §1.8,
 * §1.10): the ASK/ASVK must not be listed. Like go-sev-guest, only the intermediate is checked:
 * AMD does not revoke individual VCEKs by CRL.
 */
final class SnpCrlChecker {
  private SnpCrlChecker() {}

  /**
   * @return true when at least one CRL issued and signed by {@code root}, current at the
   *     verification instant, was applied
   * @throws AttestationVerificationException SNP_CERT_REVOKED, SNP_CRL_INVALID (a CRL naming the
   *     root as issuer whose signature fails), SNP_CRL_MISSING (requireCrl and none applied)
   */
  static boolean check(
      X509Certificate intermediate, X509Certificate root, List<X509CRL> crls, VerifyOptions options,
      boolean requireCrl)
      throws AttestationVerificationException {
    boolean applied = false;
    Instant at = options.at();
    for (X509CRL crl : crls) {
      if (!crl.getIssuerX500Principal().equals(root.getSubjectX500Principal())) {
        continue;
      }
      try {
        crl.verify(root.getPublicKey(), options.provider());
      } catch (GeneralSecurityException | RuntimeException e) {
        throw new AttestationVerificationException(
            "SNP_CRL_INVALID",
            "CRL issued by '" + ChainVerifier.subject(root) + "' does not verify with the ARK key");
      }
      boolean current = !at.isBefore(crl.getThisUpdate().toInstant())
          && (crl.getNextUpdate() == null || !at.isAfter(crl.getNextUpdate().toInstant()));
      if (!current) {
        continue;
      }
      X509CRLEntry entry = crl.getRevokedCertificate(intermediate);
      if (entry != null && !entry.getRevocationDate().toInstant().isAfter(at)) {
        throw new AttestationVerificationException(
            "SNP_CERT_REVOKED",
            "certificate '" + ChainVerifier.subject(intermediate) + "' (serial "
                + intermediate.getSerialNumber().toString(16) + ") is revoked since "
                + entry.getRevocationDate().toInstant() + " by the CRL of '"
                + ChainVerifier.subject(root) + "'");
      }
      applied = true;
    }
    if (requireCrl && !applied) {
      throw new AttestationVerificationException(
          "SNP_CRL_MISSING",
          "policy require_crl: no CRL signed by '" + ChainVerifier.subject(root)
              + "' and current at " + at + " was supplied");
    }
    return applied;
  }
}
