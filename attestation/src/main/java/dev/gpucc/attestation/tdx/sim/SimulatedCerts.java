package dev.gpucc.attestation.tdx.sim;

import dev.gpucc.attestation.SimulatedRoots;
import dev.gpucc.attestation.tdx.abi.PckExtensions;
import java.math.BigInteger;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.PrivateKey;
import java.security.Provider;
import java.security.PublicKey;
import java.security.cert.X509CRL;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.Date;
import java.util.concurrent.atomic.AtomicLong;
import org.bouncycastle.asn1.ASN1Encodable;
import org.bouncycastle.asn1.ASN1Enumerated;
import org.bouncycastle.asn1.ASN1Integer;
import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.asn1.DEROctetString;
import org.bouncycastle.asn1.DERSequence;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.bouncycastle.cert.X509v2CRLBuilder;
import org.bouncycastle.cert.X509v3CertificateBuilder;
import org.bouncycastle.cert.jcajce.JcaX509CRLConverter;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.operator.ContentSigner;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;

/**
 * Certificate and CRL minting for the simulated Intel authority (Bouncy Castle, passed
 * explicitly). Every subject carries O={@link SimulatedRoots#ORGANIZATION}.
 */
final class SimulatedCerts {
  private static final AtomicLong SERIAL = new AtomicLong(System.nanoTime());

  private final Provider provider;
  private final Instant notBefore;
  private final Instant notAfter;

  SimulatedCerts(Provider provider, Instant notBefore, Instant notAfter) {
    this.provider = provider;
    this.notBefore = notBefore;
    this.notAfter = notAfter;
  }

  static X500Name name(String cn) {
    return new X500Name("CN=" + cn + ", O=" + SimulatedRoots.ORGANIZATION + ", C=ZZ");
  }

  X509Certificate issue(
      X500Name subject, PublicKey subjectKey, X500Name issuer, PrivateKey issuerKey, int pathLen,
      ASN1Encodable sgxExtension) throws GeneralSecurityException {
    try {
      X509v3CertificateBuilder b = new JcaX509v3CertificateBuilder(
          issuer, BigInteger.valueOf(SERIAL.incrementAndGet()), Date.from(notBefore), Date.from(notAfter),
          subject, subjectKey);
      if (pathLen >= 0) {
        b.addExtension(Extension.basicConstraints, true, new BasicConstraints(pathLen));
        b.addExtension(Extension.keyUsage, true, new KeyUsage(KeyUsage.keyCertSign | KeyUsage.cRLSign));
      } else {
        b.addExtension(Extension.basicConstraints, true, new BasicConstraints(false));
        b.addExtension(Extension.keyUsage, true, new KeyUsage(KeyUsage.digitalSignature | KeyUsage.nonRepudiation));
      }
      if (sgxExtension != null) {
        b.addExtension(new ASN1ObjectIdentifier(PckExtensions.SGX_EXTENSION_OID), false, sgxExtension);
      }
      return new JcaX509CertificateConverter().setProvider(provider).getCertificate(b.build(signer(issuerKey)));
    } catch (OperatorCreationException | java.io.IOException e) {
      throw new GeneralSecurityException("cannot issue simulated certificate", e);
    }
  }

  X509CRL crl(X500Name issuer, PrivateKey issuerKey, Instant thisUpdate, Instant nextUpdate, BigInteger... revoked)
      throws GeneralSecurityException {
    try {
      X509v2CRLBuilder b = new X509v2CRLBuilder(issuer, Date.from(thisUpdate));
      b.setNextUpdate(Date.from(nextUpdate));
      for (BigInteger s : revoked) {
        b.addCRLEntry(s, Date.from(thisUpdate), 0);
      }
      return new JcaX509CRLConverter().setProvider(provider).getCRL(b.build(signer(issuerKey)));
    } catch (OperatorCreationException e) {
      throw new GeneralSecurityException("cannot issue simulated CRL", e);
    }
  }

  private ContentSigner signer(PrivateKey key) throws OperatorCreationException {
    return new JcaContentSignerBuilder("SHA256withECDSA").setProvider(provider).build(key);
  }

  /** The SGX extension value (evidence-formats §3.5) for a simulated PCK leaf. */
  static ASN1Encodable sgxExtension(
      byte[] ppid, int[] comps, int pceSvn, byte[] cpuSvn, byte[] pceId, byte[] fmspc) {
    String base = PckExtensions.SGX_EXTENSION_OID;
    ASN1Encodable[] tcb = new ASN1Encodable[18];
    for (int i = 0; i < 16; i++) {
      tcb[i] = pair(base + ".2." + (i + 1), new ASN1Integer(comps[i]));
    }
    tcb[16] = pair(base + ".2.17", new ASN1Integer(pceSvn));
    tcb[17] = pair(base + ".2.18", new DEROctetString(cpuSvn));
    return new DERSequence(new ASN1Encodable[] {
      pair(base + ".1", new DEROctetString(ppid)),
      pair(base + ".2", new DERSequence(tcb)),
      pair(base + ".3", new DEROctetString(pceId)),
      pair(base + ".4", new DEROctetString(fmspc)),
      pair(base + ".5", new ASN1Enumerated(0)),
    });
  }

  private static ASN1Encodable pair(String oid, ASN1Encodable value) {
    return new DERSequence(new ASN1Encodable[] {new ASN1ObjectIdentifier(oid), value});
  }

  static KeyPair p256(Provider provider) throws GeneralSecurityException {
    java.security.KeyPairGenerator g = java.security.KeyPairGenerator.getInstance("EC", provider);
    g.initialize(new java.security.spec.ECGenParameterSpec("secp256r1"));
    return g.generateKeyPair();
  }
}
