package dev.gpucc.server.tls;

import dev.gpucc.attestation.transcript.TranscriptDigests;
import java.math.BigInteger;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.SecureRandom;
import java.security.cert.X509Certificate;
import java.security.spec.ECGenParameterSpec;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.cert.X509v3CertificateBuilder;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.jce.provider.BouncyCastleProvider;
import org.bouncycastle.operator.ContentSigner;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;

/**
 * The server's TLS key pair, made inside the VM at start-up and never written to disk. Clients
 * cannot check it through a PKI (the certificate is self-signed): they check that the attested
 * evidence binds its public key (docs/PROTOCOL.md, "TLS key digest") before they send input.
 */
public final class ServerTlsIdentity {
  private final PrivateKey privateKey;
  private final X509Certificate certificate;
  private final byte[] keyDigest;

  private ServerTlsIdentity(PrivateKey privateKey, X509Certificate certificate) {
    this.privateKey = privateKey;
    this.certificate = certificate;
    this.keyDigest = TranscriptDigests.tlsKeyDigest(certificate.getPublicKey().getEncoded());
  }

  /** A fresh ECDSA P-256 key and a self-signed certificate valid for 30 days. */
  public static ServerTlsIdentity generate() {
    BouncyCastleProvider bc = new BouncyCastleProvider();
    try {
      KeyPairGenerator kpg = KeyPairGenerator.getInstance("EC", bc);
      kpg.initialize(new ECGenParameterSpec("secp256r1"), new SecureRandom());
      KeyPair kp = kpg.generateKeyPair();
      Instant now = Instant.now();
      X500Name name = new X500Name("CN=gpucc server (key made in the VM at start-up)");
      X509v3CertificateBuilder b =
          new JcaX509v3CertificateBuilder(
              name,
              new BigInteger(64, new SecureRandom()),
              Date.from(now.minus(Duration.ofMinutes(5))),
              Date.from(now.plus(Duration.ofDays(30))),
              name,
              kp.getPublic());
      ContentSigner signer = new JcaContentSignerBuilder("SHA256withECDSA").setProvider(bc).build(kp.getPrivate());
      X509Certificate cert = new JcaX509CertificateConverter().setProvider(bc).getCertificate(b.build(signer));
      return new ServerTlsIdentity(kp.getPrivate(), cert);
    } catch (GeneralSecurityException | OperatorCreationException e) {
      throw new IllegalStateException("cannot make the server's TLS key", e);
    }
  }

  public PrivateKey privateKey() {
    return privateKey;
  }

  public X509Certificate certificate() {
    return certificate;
  }

  /** TranscriptDigests.tlsKeyDigest of the public key: what the evidence binds. */
  public byte[] keyDigest() {
    return keyDigest.clone();
  }
}
