package dev.gpucc.attestation.gpu.verify;

import dev.gpucc.attestation.AttestationVerificationException;
import dev.gpucc.attestation.VerifyOptions;
import java.security.cert.X509Certificate;

/**
 * Revocation check of one certificate by OCSP (evidence-formats §4.7). Pluggable so that
 * verification code never makes an implicit network call: the default is no checker (offline),
 * which verifiers report as a claim. Implementations must be thread-safe.
 */
public interface OcspChecker {
  /**
   * Returns normally when the responder says GOOD for {@code cert} at {@code options.at()}.
   *
   * @throws AttestationVerificationException GPU_OCSP_REVOKED, or GPU_OCSP_FAILED when no valid
   *     answer could be obtained
   */
  void checkNotRevoked(X509Certificate cert, X509Certificate issuer, VerifyOptions options)
      throws AttestationVerificationException;

  /** Short description for claims, e.g. the responder URL. */
  String describe();
}
