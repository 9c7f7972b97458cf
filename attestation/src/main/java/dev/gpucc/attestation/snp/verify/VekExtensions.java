package dev.gpucc.attestation.snp.verify;

import java.io.IOException;
import java.math.BigInteger;
import java.security.cert.X509Certificate;
import java.util.Optional;
import org.bouncycastle.asn1.ASN1Integer;
import org.bouncycastle.asn1.ASN1OctetString;
import org.bouncycastle.asn1.ASN1Primitive;
import org.bouncycastle.asn1.ASN1String;

/**
 * The AMD extensions of a VCEK or VLEK certificate (arc 1.3.6.1.4.1.3704.1; evidence-formats
 * §1.9): product name, the TCB SPLs the key was derived for, hwID (VCEK) and csp_id (VLEK).
 */
public record VekExtensions(
    Optional<String> productName,
    Optional<Integer> blSpl,
    Optional<Integer> teeSpl,
    Optional<Integer> snpSpl,
    Optional<Integer> ucodeSpl,
    Optional<Integer> fmcSpl,
    Optional<byte[]> hwId,
    Optional<String> cspId) {
  static final String ARC = "1.3.6.1.4.1.3704.1.";

  public static VekExtensions of(X509Certificate cert) {
    return new VekExtensions(
        string(cert, ARC + "2"),
        integer(cert, ARC + "3.1"),
        integer(cert, ARC + "3.2"),
        integer(cert, ARC + "3.3"),
        integer(cert, ARC + "3.8"),
        integer(cert, ARC + "3.9"),
        hwId(cert),
        string(cert, ARC + "5"));
  }

  private static Optional<byte[]> inner(X509Certificate cert, String oid) {
    byte[] ext = cert.getExtensionValue(oid);
    if (ext == null) {
      return Optional.empty();
    }
    return Optional.of(ASN1OctetString.getInstance(ext).getOctets());
  }

  private static Optional<Integer> integer(X509Certificate cert, String oid) {
    return inner(cert, oid).map(b -> {
      BigInteger v = ASN1Integer.getInstance(b).getValue();
      return v.intValueExact();
    });
  }

  private static Optional<String> string(X509Certificate cert, String oid) {
    return inner(cert, oid).map(b -> {
      try {
        ASN1Primitive p = ASN1Primitive.fromByteArray(b);
        return ((ASN1String) p).getString();
      } catch (IOException | ClassCastException e) {
        throw new IllegalArgumentException("extension " + oid + " is not a string", e);
      }
    });
  }

  /** hwID is the bare 64 (Turin: 8) bytes in older certificates, or a DER OCTET STRING in newer ones. */
  private static Optional<byte[]> hwId(X509Certificate cert) {
    return inner(cert, ARC + "4").map(b -> {
      // Bare values are 64 (or 8) bytes; wrapped ones are 66 (or 10): no ambiguity.
      if ((b.length == 66 || b.length == 10) && b[0] == 0x04 && (b[1] & 0xff) == b.length - 2) {
        return ASN1OctetString.getInstance(b).getOctets();
      }
      return b;
    });
  }
}
