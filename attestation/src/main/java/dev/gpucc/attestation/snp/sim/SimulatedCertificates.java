package dev.gpucc.attestation.snp.sim;

import dev.gpucc.attestation.CertificateFiles;
import dev.gpucc.attestation.SimulatedRoots;
import dev.gpucc.attestation.snp.abi.SnpProductLine;
import dev.gpucc.attestation.snp.abi.TcbLayout;
import dev.gpucc.attestation.snp.abi.TcbVersion;
import dev.gpucc.attestation.snp.verify.VekExtensions;
import java.io.IOException;
import java.math.BigInteger;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.Provider;
import java.security.PublicKey;
import java.security.PrivateKey;
import java.security.SecureRandom;
import java.security.cert.X509Certificate;
import java.security.spec.ECGenParameterSpec;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import org.bouncycastle.asn1.ASN1Encodable;
import org.bouncycastle.asn1.ASN1Integer;
import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.asn1.DERIA5String;
import org.bouncycastle.asn1.DEROctetString;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x500.X500NameBuilder;
import org.bouncycastle.asn1.x500.style.BCStyle;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.bouncycastle.cert.X509v3CertificateBuilder;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.operator.ContentSigner;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;

/**
 * Builds AMD-shaped certificates for the simulated authority: RSA-4096 ARK/ASK/ASVK and EC P-384
 * VCEK/VLEK, all signed RSASSA-PSS SHA-384 (MGF1 SHA-384, salt 48) as AMD's are (evidence-formats
 * §1.8), with the real AMD VCEK extensions (§1.9). Subjects carry O={@link
 * SimulatedRoots#ORGANIZATION} so they can never pass for AMD's.
 */
final class SimulatedCertificates {
  static final String PSS = "SHA384withRSAandMGF1";
  private static final SecureRandom RANDOM = new SecureRandom();

  private SimulatedCertificates() {}

  static X500Name name(String cn) {
    return new X500NameBuilder(BCStyle.INSTANCE)
        .addRDN(BCStyle.OU, "Engineering")
        .addRDN(BCStyle.C, "US")
        .addRDN(BCStyle.L, "Santa Clara")
        .addRDN(BCStyle.ST, "CA")
        .addRDN(BCStyle.O, SimulatedRoots.ORGANIZATION)
        .addRDN(BCStyle.CN, cn)
        .build();
  }

  static KeyPair rsa4096(Provider bc) throws GeneralSecurityException {
    KeyPairGenerator g = KeyPairGenerator.getInstance("RSA", bc);
    g.initialize(4096, RANDOM);
    return g.generateKeyPair();
  }

  static KeyPair p384(Provider bc) throws GeneralSecurityException {
    KeyPairGenerator g = KeyPairGenerator.getInstance("EC", bc);
    g.initialize(new ECGenParameterSpec("secp384r1"), RANDOM);
    return g.generateKeyPair();
  }

  /** A CA certificate (ARK when issuer == subject and signerKey is its own key). */
  static X509Certificate ca(
      Provider bc, X500Name subject, PublicKey key, X500Name issuer, PrivateKey signerKey,
      Instant notBefore, Duration validity, Integer pathLen)
      throws GeneralSecurityException {
    X509v3CertificateBuilder b = builder(subject, key, issuer, notBefore, validity, serial());
    try {
      b.addExtension(Extension.basicConstraints, true,
          pathLen == null ? new BasicConstraints(true) : new BasicConstraints(pathLen));
      b.addExtension(Extension.keyUsage, true, new KeyUsage(KeyUsage.keyCertSign | KeyUsage.cRLSign));
    } catch (IOException e) {
      throw new GeneralSecurityException("cannot add extension", e);
    }
    return sign(bc, b, signerKey);
  }

  /**
   * A VCEK (hwId present) or VLEK (cspId present) certificate carrying the TCB of {@code tcb}.
   * Serial number 0, as AMD's VCEKs have.
   */
  static X509Certificate vek(
      Provider bc, String cn, PublicKey key, X500Name issuer, PrivateKey signerKey, Instant notBefore,
      Duration validity, SnpProductLine line, String productName, TcbVersion tcb, byte[] hwId,
      String cspId)
      throws GeneralSecurityException {
    X509v3CertificateBuilder b = builder(name(cn), key, issuer, notBefore, validity, BigInteger.ZERO);
    TcbVersion.Parts p = tcb.decode(line.tcbLayout());
    try {
      add(b, VekExtensions.STRUCT_VERSION, new ASN1Integer(0));
      add(b, VekExtensions.PRODUCT_NAME, new DERIA5String(productName));
      add(b, VekExtensions.BL_SPL, new ASN1Integer(p.bootloader()));
      add(b, VekExtensions.TEE_SPL, new ASN1Integer(p.tee()));
      add(b, VekExtensions.SNP_SPL, new ASN1Integer(p.snp()));
      add(b, VekExtensions.SPL_4, new ASN1Integer(0));
      add(b, VekExtensions.SPL_5, new ASN1Integer(0));
      add(b, VekExtensions.SPL_6, new ASN1Integer(0));
      add(b, VekExtensions.SPL_7, new ASN1Integer(0));
      add(b, VekExtensions.UCODE_SPL, new ASN1Integer(p.microcode()));
      if (line.tcbLayout() == TcbLayout.TURIN) {
        add(b, VekExtensions.FMC_SPL, new ASN1Integer(p.fmc()));
      }
      if (hwId != null) {
        // AMD's VCEKs carry the bare chip id bytes as extnValue (no inner OCTET STRING tag).
        b.addExtension(new Extension(new ASN1ObjectIdentifier(VekExtensions.HW_ID), false,
            new DEROctetString(hwId)));
      }
      if (cspId != null) {
        add(b, VekExtensions.CSP_ID, new DERIA5String(cspId));
      }
    } catch (IOException e) {
      throw new GeneralSecurityException("cannot add extension", e);
    }
    return sign(bc, b, signerKey);
  }

  /** A CRL signed by {@code issuerKey} (RSASSA-PSS) listing {@code revoked}, as AMD KDS serves. */
  static byte[] crl(
      Provider bc, X509Certificate issuer, PrivateKey issuerKey, Instant thisUpdate,
      Instant nextUpdate, java.util.List<X509Certificate> revoked)
      throws GeneralSecurityException {
    org.bouncycastle.cert.X509v2CRLBuilder b = new org.bouncycastle.cert.X509v2CRLBuilder(
        X500Name.getInstance(issuer.getSubjectX500Principal().getEncoded()), Date.from(thisUpdate));
    b.setNextUpdate(Date.from(nextUpdate));
    for (X509Certificate c : revoked) {
      b.addCRLEntry(c.getSerialNumber(), Date.from(thisUpdate), org.bouncycastle.asn1.x509.CRLReason.keyCompromise);
    }
    try {
      ContentSigner signer = new JcaContentSignerBuilder(PSS).setProvider(bc).build(issuerKey);
      return b.build(signer).getEncoded();
    } catch (IOException e) {
      throw new GeneralSecurityException("cannot encode CRL", e);
    } catch (OperatorCreationException e) {
      throw new GeneralSecurityException("cannot create RSASSA-PSS signer", e);
    }
  }

  private static void add(X509v3CertificateBuilder b, String oid, ASN1Encodable value)
      throws IOException {
    b.addExtension(new ASN1ObjectIdentifier(oid), false, value);
  }

  private static X509v3CertificateBuilder builder(
      X500Name subject, PublicKey key, X500Name issuer, Instant notBefore, Duration validity,
      BigInteger serial) {
    return new JcaX509v3CertificateBuilder(
        issuer, serial, Date.from(notBefore), Date.from(notBefore.plus(validity)), subject, key);
  }

  private static BigInteger serial() {
    return new BigInteger(64, RANDOM).setBit(62);
  }

  private static X509Certificate sign(Provider bc, X509v3CertificateBuilder b, PrivateKey key)
      throws GeneralSecurityException {
    try {
      ContentSigner signer = new JcaContentSignerBuilder(PSS).setProvider(bc).build(key);
      return CertificateFiles.parseOne(b.build(signer).getEncoded());
    } catch (IOException e) {
      throw new GeneralSecurityException("cannot encode certificate", e);
    } catch (OperatorCreationException e) {
      throw new GeneralSecurityException("cannot create RSASSA-PSS signer", e);
    }
  }
}
