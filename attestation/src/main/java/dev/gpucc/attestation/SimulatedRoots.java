package dev.gpucc.attestation;

import java.security.cert.CertificateEncodingException;
import java.security.cert.X509Certificate;
import javax.security.auth.x500.X500Principal;

/**
 * Recognises the roots that gpucc's simulated providers make. A simulated root is a self-signed
 * certificate whose subject organisation is exactly {@link #ORGANIZATION}; it is trusted only
 * when {@link VerifyOptions#allowSimulated()} is set and, if fingerprints are pinned, its
 * SHA-256 is among them. A real vendor root is never treated as simulated.
 */
public final class SimulatedRoots {
  /** Organisation (O=) of every simulated certificate: grep-able and shown in verdicts. */
  public static final String ORGANIZATION = "gpucc SIMULATED - not a hardware root of trust";

  private SimulatedRoots() {}

  public static boolean isSimulated(X509Certificate cert) {
    X500Principal subject = cert.getSubjectX500Principal();
    String rfc2253 = subject.getName(X500Principal.RFC2253);
    return rfc2253.contains("O=" + ORGANIZATION);
  }

  public static String sha256Hex(X509Certificate cert) {
    try {
      return Hex.encode(Digests.sha256(cert.getEncoded()));
    } catch (CertificateEncodingException e) {
      throw new IllegalStateException("certificate cannot be re-encoded", e);
    }
  }

  /**
   * Checks that a simulated root may be trusted under the options.
   *
   * @throws AttestationVerificationException SIMULATED_NOT_ALLOWED or SIMULATED_ROOT_NOT_PINNED
   */
  public static void checkTrusted(X509Certificate root, VerifyOptions options)
      throws AttestationVerificationException {
    if (!options.allowSimulated()) {
      throw new AttestationVerificationException(
          "SIMULATED_NOT_ALLOWED",
          "evidence is SIMULATED (chain ends at a gpucc-simulated root, not a vendor root) and"
              + " the policy does not allow simulated evidence (allowSimulated=false)");
    }
    String fp = sha256Hex(root);
    if (!options.simulatedRootSha256().isEmpty() && !options.simulatedRootSha256().contains(fp)) {
      throw new AttestationVerificationException(
          "SIMULATED_ROOT_NOT_PINNED",
          "simulated root sha256 " + fp + " is not in the policy's simulatedRootSha256 list");
    }
  }
}
