package dev.gpucc.attestation.snp.verify;

import dev.gpucc.attestation.AttestationVerificationException;
import java.io.IOException;
import java.math.BigInteger;
import java.security.cert.X509Certificate;
import java.util.Optional;
import java.util.OptionalInt;
import org.bouncycastle.asn1.ASN1IA5String;
import org.bouncycastle.asn1.ASN1Integer;
import org.bouncycastle.asn1.ASN1OctetString;
import org.bouncycastle.asn1.ASN1Primitive;
import org.bouncycastle.asn1.ASN1String;

/**
 * The AMD extensions of a VCEK or VLEK certificate (arc 1.3.6.1.4.1.3704.1, evidence-formats §1.9;
 * AMD "Versioned Chip Endorsement Key (VCEK) Certificate and KDS Interface Specification").
 */
public record VekExtensions(
    OptionalInt structVersion,
    Optional<String> productName,
    OptionalInt blSpl,
    OptionalInt teeSpl,
    OptionalInt snpSpl,
    OptionalInt ucodeSpl,
    OptionalInt fmcSpl,
    Optional<byte[]> hwId,
    Optional<String> cspId) {

  public static final String ARC = "1.3.6.1.4.1.3704.1.";
  public static final String STRUCT_VERSION = ARC + "1";
  public static final String PRODUCT_NAME = ARC + "2";
  public static final String BL_SPL = ARC + "3.1";
  public static final String TEE_SPL = ARC + "3.2";
  public static final String SNP_SPL = ARC + "3.3";
  public static final String SPL_4 = ARC + "3.4";
  public static final String SPL_5 = ARC + "3.5";
  public static final String SPL_6 = ARC + "3.6";
  public static final String SPL_7 = ARC + "3.7";
  public static final String UCODE_SPL = ARC + "3.8";
  public static final String FMC_SPL = ARC + "3.9";
  public static final String HW_ID = ARC + "4";
  public static final String CSP_ID = ARC + "5";

  /**
   * Reads the extensions.
   *
   * @throws AttestationVerificationException SNP_VEK_EXTENSION when one is present but malformed
   */
  public static VekExtensions read(X509Certificate cert) throws AttestationVerificationException {
    return new VekExtensions(
        integer(cert, STRUCT_VERSION),
        string(cert, PRODUCT_NAME),
        integer(cert, BL_SPL),
        integer(cert, TEE_SPL),
        integer(cert, SNP_SPL),
        integer(cert, UCODE_SPL),
        integer(cert, FMC_SPL),
        hwId(cert),
        string(cert, CSP_ID));
  }

  /** extnValue contents (the bytes inside the OCTET STRING), or empty. */
  static Optional<byte[]> extnValue(X509Certificate cert, String oid)
      throws AttestationVerificationException {
    byte[] ext = cert.getExtensionValue(oid);
    if (ext == null) {
      return Optional.empty();
    }
    try {
      return Optional.of(ASN1OctetString.getInstance(ext).getOctets());
    } catch (RuntimeException e) {
      throw malformed(oid, "not an OCTET STRING");
    }
  }

  private static OptionalInt integer(X509Certificate cert, String oid)
      throws AttestationVerificationException {
    Optional<byte[]> v = extnValue(cert, oid);
    if (v.isEmpty()) {
      return OptionalInt.empty();
    }
    try {
      BigInteger i = ASN1Integer.getInstance(ASN1Primitive.fromByteArray(v.get())).getValue();
      if (i.signum() < 0 || i.bitLength() > 31) {
        throw malformed(oid, "INTEGER out of range: " + i);
      }
      return OptionalInt.of(i.intValueExact());
    } catch (IOException | RuntimeException e) {
      throw malformed(oid, "not a DER INTEGER");
    }
  }

  private static Optional<String> string(X509Certificate cert, String oid)
      throws AttestationVerificationException {
    Optional<byte[]> v = extnValue(cert, oid);
    if (v.isEmpty()) {
      return Optional.empty();
    }
    try {
      ASN1Primitive p = ASN1Primitive.fromByteArray(v.get());
      if (p instanceof ASN1IA5String || p instanceof ASN1String) {
        return Optional.of(((ASN1String) p).getString());
      }
      throw malformed(oid, "not a string");
    } catch (IOException | RuntimeException e) {
      throw malformed(oid, "not a DER string");
    }
  }

  /** hwID: bare bytes (older certificates) or a DER OCTET STRING wrapping them (newer). */
  private static Optional<byte[]> hwId(X509Certificate cert) throws AttestationVerificationException {
    Optional<byte[]> v = extnValue(cert, HW_ID);
    if (v.isEmpty()) {
      return v;
    }
    byte[] b = v.get();
    if (b.length == 64 || b.length == 8) {
      return Optional.of(b);
    }
    // 04 40 <64 bytes> or 04 08 <8 bytes>: the wrapped form.
    if (b.length >= 2 && b[0] == 0x04 && (b[1] & 0xFF) == b.length - 2) {
      return Optional.of(java.util.Arrays.copyOfRange(b, 2, b.length));
    }
    throw malformed(HW_ID, "hwID is " + b.length + " bytes, neither 64/8 raw bytes nor an OCTET STRING");
  }

  private static AttestationVerificationException malformed(String oid, String what) {
    return new AttestationVerificationException(
        "SNP_VEK_EXTENSION", "VCEK/VLEK extension " + oid + " is malformed: " + what);
  }
}
