package dev.gpucc.attestation.gpu.sim;

import dev.gpucc.attestation.SimulatedRoots;
import java.math.BigInteger;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.Provider;
import java.security.SecureRandom;
import java.security.cert.X509Certificate;
import java.security.spec.ECGenParameterSpec;
import java.time.Instant;
import java.util.Date;
import org.bouncycastle.asn1.ASN1Encodable;
import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.asn1.DEROctetString;
import org.bouncycastle.asn1.DERSequence;
import org.bouncycastle.asn1.DERTaggedObject;
import org.bouncycastle.asn1.nist.NISTObjectIdentifiers;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x500.X500NameBuilder;
import org.bouncycastle.asn1.x500.style.BCStyle;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.bouncycastle.cert.X509v3CertificateBuilder;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;

/** Certificate and key making for the simulated NVIDIA-style authority (P-384, ECDSA-SHA384). */
final class SimulatedCertificates {
  /** Like NVIDIA's device chain: valid from a fixed past date until 9999-12-31. */
  static final Instant NOT_BEFORE = Instant.parse("2020-01-01T00:00:00Z");
  static final Instant NOT_AFTER = Instant.parse("9999-12-31T23:59:59Z");
  static final ASN1ObjectIdentifier TCG_DICE_TCB_INFO = new ASN1ObjectIdentifier("2.23.133.5.4.1");

  private final Provider provider;
  private final SecureRandom random;

  SimulatedCertificates(Provider provider, SecureRandom random) {
    this.provider = provider;
    this.random = random;
  }

  Provider provider() {
    return provider;
  }

  KeyPair newKey() {
    try {
      KeyPairGenerator g = KeyPairGenerator.getInstance("EC", provider);
      g.initialize(new ECGenParameterSpec("secp384r1"), random);
      return g.generateKeyPair();
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("P-384 key generation unavailable", e);
    }
  }

  static X500Name name(String cn) {
    return new X500NameBuilder(BCStyle.INSTANCE)
        .addRDN(BCStyle.CN, cn)
        .addRDN(BCStyle.O, SimulatedRoots.ORGANIZATION)
        .build();
  }

  /**
   * Issues a certificate. {@code fwid} non-null adds the TCG DICE TcbInfo extension with one
   * SHA-384 FWID, encoded so that the FWID is the last 48 bytes of the value, as on Hopper.
   */
  X509Certificate issue(X500Name subject, KeyPair subjectKey, X500Name issuer, KeyPair issuerKey,
      boolean ca, byte[] fwid) {
    try {
      X509v3CertificateBuilder b = new JcaX509v3CertificateBuilder(
          issuer, new BigInteger(64, random).add(BigInteger.ONE), Date.from(NOT_BEFORE),
          Date.from(NOT_AFTER), subject, subjectKey.getPublic());
      b.addExtension(Extension.basicConstraints, true, ca ? new BasicConstraints(true) : new BasicConstraints(false));
      b.addExtension(Extension.keyUsage, true,
          new KeyUsage(ca ? KeyUsage.keyCertSign | KeyUsage.cRLSign : KeyUsage.digitalSignature));
      if (fwid != null) {
        ASN1Encodable fwidEntry = new DERSequence(new ASN1Encodable[] {
            NISTObjectIdentifiers.id_sha384, new DEROctetString(fwid)});
        // DiceTcbInfo ::= SEQUENCE { ..., fwids [6] IMPLICIT FWIDLIST, ... } (TCG DICE Attestation Architecture).
        DERSequence tcbInfo = new DERSequence(new DERTaggedObject(false, 6, new DERSequence(fwidEntry)));
        b.addExtension(TCG_DICE_TCB_INFO, false, tcbInfo);
      }
      return new JcaX509CertificateConverter().setProvider(provider).getCertificate(
          b.build(new JcaContentSignerBuilder("SHA384withECDSA").setProvider(provider).build(issuerKey.getPrivate())));
    } catch (GeneralSecurityException | OperatorCreationException | java.io.IOException e) {
      throw new IllegalStateException("cannot issue simulated certificate " + subject, e);
    }
  }
}
