package dev.gpucc.attestation.gpu.verify;

import dev.gpucc.attestation.AttestationVerificationException;
import dev.gpucc.attestation.gpu.spdm.SpdmEvidence;
import java.security.GeneralSecurityException;
import java.security.Provider;
import java.security.PublicKey;
import java.security.Signature;

/**
 * Checks the MEASUREMENTS signature: ECDSA P-384 / SHA-384, raw 96-byte r||s, over request ||
 * response-without-signature (evidence-formats §4.5), with the leaf ("GSP FMC LF") key.
 */
public final class SpdmSignatureVerifier {
  private SpdmSignatureVerifier() {}

  public static void verify(SpdmEvidence evidence, PublicKey leafKey, Provider provider)
      throws AttestationVerificationException {
    boolean ok;
    try {
      // BC name for IEEE P1363 (plain r||s) ECDSA; the provider is passed explicitly.
      Signature s = Signature.getInstance("SHA384withPLAIN-ECDSA", provider);
      s.initVerify(leafKey);
      s.update(evidence.signedBytes());
      ok = s.verify(evidence.signature());
    } catch (GeneralSecurityException | RuntimeException e) {
      ok = false;
    }
    if (!ok) {
      throw new AttestationVerificationException(
          GpuCodes.SIGNATURE_INVALID,
          "SPDM MEASUREMENTS signature (ECDSA P-384/SHA-384 over "
              + (evidence.raw().length - SpdmEvidence.SIGNATURE_LENGTH)
              + " bytes) does not verify with the leaf certificate's key");
    }
  }
}
