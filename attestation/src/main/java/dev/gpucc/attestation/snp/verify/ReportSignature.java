package dev.gpucc.attestation.snp.verify;

import dev.gpucc.attestation.AttestationVerificationException;
import dev.gpucc.attestation.snp.abi.SnpReport;
import java.io.IOException;
import java.math.BigInteger;
import java.security.GeneralSecurityException;
import java.security.PublicKey;
import java.security.Signature;
import java.security.interfaces.ECPublicKey;
import java.security.Provider;
import org.bouncycastle.asn1.ASN1EncodableVector;
import org.bouncycastle.asn1.ASN1Encoding;
import org.bouncycastle.asn1.ASN1Integer;
import org.bouncycastle.asn1.DERSequence;

/**
 * The report's ECDSA P-384 / SHA-384 signature over bytes [0, 0x2A0) (evidence-formats §1.7): R and
 * S are 72-byte little-endian fields of which the low 48 bytes are significant.
 */
public final class ReportSignature {
  private ReportSignature() {}

  /**
   * @throws AttestationVerificationException SNP_SIGNATURE_INVALID, SNP_VEK_KEY_TYPE
   */
  public static void verify(SnpReport report, PublicKey key, Provider provider)
      throws AttestationVerificationException {
    if (!(key instanceof ECPublicKey)
        || ((ECPublicKey) key).getParams().getCurve().getField().getFieldSize() != 384) {
      throw new AttestationVerificationException(
          "SNP_VEK_KEY_TYPE", "VCEK/VLEK public key: expected EC P-384, got " + key.getAlgorithm());
    }
    boolean ok;
    try {
      Signature sig = Signature.getInstance("SHA384withECDSA", provider);
      sig.initVerify(key);
      sig.update(report.signedBytes());
      ok = sig.verify(derSignature(report));
    } catch (GeneralSecurityException | RuntimeException e) {
      ok = false;
    }
    if (!ok) {
      throw new AttestationVerificationException(
          "SNP_SIGNATURE_INVALID",
          "SNP report signature (ECDSA P-384/SHA-384 over bytes [0, 0x2A0)) does not verify with"
              + " the VCEK/VLEK key");
    }
  }

  /** DER SEQUENCE{r, s} from the little-endian fields. */
  static byte[] derSignature(SnpReport report) {
    ASN1EncodableVector v = new ASN1EncodableVector();
    v.add(new ASN1Integer(littleEndian(report.signatureR())));
    v.add(new ASN1Integer(littleEndian(report.signatureS())));
    try {
      return new DERSequence(v).getEncoded(ASN1Encoding.DER);
    } catch (IOException e) {
      throw new IllegalStateException("DER encoding failed", e);
    }
  }

  static BigInteger littleEndian(byte[] le) {
    byte[] be = new byte[le.length];
    for (int i = 0; i < le.length; i++) {
      be[i] = le[le.length - 1 - i];
    }
    return new BigInteger(1, be);
  }

  /** Encodes a big-endian unsigned value into a 72-byte little-endian field. */
  public static byte[] toLittleEndian72(BigInteger v) {
    byte[] be = v.toByteArray();
    byte[] out = new byte[SnpReport.SIG_COMPONENT_SIZE];
    int n = 0;
    for (int i = be.length - 1; i >= 0 && n < out.length; i--) {
      out[n++] = be[i];
    }
    return out;
  }
}
