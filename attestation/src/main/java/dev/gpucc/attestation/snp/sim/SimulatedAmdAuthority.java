package dev.gpucc.attestation.snp.sim;

import dev.gpucc.attestation.SimulatedRoots;
import dev.gpucc.attestation.snp.abi.CertTable;
import dev.gpucc.attestation.snp.abi.SnpProductLine;
import java.math.BigInteger;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.SecureRandom;
import java.security.cert.CertificateEncodingException;
import java.security.cert.X509Certificate;
import java.security.spec.ECGenParameterSpec;
import java.security.spec.RSAKeyGenParameterSpec;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import org.bouncycastle.asn1.ASN1Encodable;
import org.bouncycastle.asn1.ASN1Integer;
import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.asn1.DERIA5String;
import org.bouncycastle.asn1.DEROctetString;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.bouncycastle.cert.CertIOException;
import org.bouncycastle.cert.X509v3CertificateBuilder;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.jce.provider.BouncyCastleProvider;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;

/**
 * A simulated AMD key hierarchy for machines without SEV-SNP: ARK and ASK (RSA-4096, RSASSA-PSS
 * SHA-384, salt 48) and a VCEK (ECDSA P-384) carrying AMD's real certificate extensions, exactly
 * the algorithms and formats AMD uses, but under a gpucc-made root whose subject organisation is
 * {@link SimulatedRoots#ORGANIZATION}. Verifiers trust it only when a policy allows simulated
 * evidence. It is never, and never claims to be, an AMD root.
 */
public final class SimulatedAmdAuthority {
  private static final String AMD_ARC = "1.3.6.1.4.1.3704.1.";
  private final BouncyCastleProvider bc = new BouncyCastleProvider();
  private final SnpProductLine line;
  private final X509Certificate ark;
  private final X509Certificate ask;
  private final X509Certificate vcek;
  private final PrivateKey vcekKey;
  private final byte[] chipId;
  private final SimulatedGuest guest;

  private SimulatedAmdAuthority(SnpProductLine line, SimulatedGuest guest) throws GeneralSecurityException {
    this.line = line;
    this.guest = guest;
    SecureRandom rnd = new SecureRandom();
    this.chipId = new byte[64];
    rnd.nextBytes(line.turinTcbLayout() ? new byte[0] : chipId);
    if (line.turinTcbLayout()) {
      byte[] eight = new byte[8];
      rnd.nextBytes(eight);
      System.arraycopy(eight, 0, chipId, 0, 8);
    }
    KeyPair arkKeys = rsa4096(rnd);
    KeyPair askKeys = rsa4096(rnd);
    KeyPairGenerator ec = KeyPairGenerator.getInstance("EC", bc);
    ec.initialize(new ECGenParameterSpec("secp384r1"), rnd);
    KeyPair vcekKeys = ec.generateKeyPair();
    X500Name arkName = name("ARK-" + line.kdsName());
    X500Name askName = name("SEV-" + line.kdsName());
    this.ark = sign(arkName, arkName, arkKeys.getPublic(), arkKeys.getPrivate(), true, Map.of());
    this.ask = sign(askName, arkName, askKeys.getPublic(), arkKeys.getPrivate(), true, Map.of());
    this.vcek = sign(name("SEV-VCEK"), askName, vcekKeys.getPublic(), askKeys.getPrivate(), false, vcekExtensions());
    this.vcekKey = vcekKeys.getPrivate();
  }

  /** A fresh hierarchy for the product line, with the default simulated guest. */
  public static SimulatedAmdAuthority generate(SnpProductLine line) {
    return generate(line, SimulatedGuest.defaults(line));
  }

  public static SimulatedAmdAuthority generate(SnpProductLine line, SimulatedGuest guest) {
    try {
      return new SimulatedAmdAuthority(line, guest);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("cannot make the simulated AMD keys", e);
    }
  }

  public SnpProductLine productLine() {
    return line;
  }

  public X509Certificate ark() {
    return ark;
  }

  public X509Certificate ask() {
    return ask;
  }

  public X509Certificate vcek() {
    return vcek;
  }

  public SimulatedGuest guest() {
    return guest;
  }

  /** A signed report over the report data, as SNP_GET_REPORT would return it. */
  public byte[] report(byte[] reportData) {
    return SimulatedReportWriter.write(guest, line, chipId, reportData, vcekKey, bc);
  }

  /** A report of another guest configuration (tests, other report versions). */
  public byte[] report(byte[] reportData, SimulatedGuest otherGuest) {
    return SimulatedReportWriter.write(otherGuest, line, chipId, reportData, vcekKey, bc);
  }

  /** Evidence as the simulated provider returns it: report, certificate table, labelled simulated. */
  public dev.gpucc.proto.v1.SnpEvidence attest(byte[] reportData) {
    return dev.gpucc.proto.v1.SnpEvidence.newBuilder()
        .setReport(com.google.protobuf.ByteString.copyFrom(report(reportData)))
        .setCertTable(com.google.protobuf.ByteString.copyFrom(certTable()))
        .setSimulated(true)
        .setProvider("simulated-snp")
        .build();
  }

  /** The extended-report certificate table: ARK, ASK and VCEK under AMD's GUIDs. */
  public byte[] certTable() {
    try {
      Map<UUID, byte[]> m = new LinkedHashMap<>();
      m.put(CertTable.VCEK, vcek.getEncoded());
      m.put(CertTable.ASK, ask.getEncoded());
      m.put(CertTable.ARK, ark.getEncoded());
      return CertTable.of(m).encode();
    } catch (CertificateEncodingException e) {
      throw new IllegalStateException(e);
    }
  }

  private Map<String, ASN1Encodable> vcekExtensions() {
    Map<String, ASN1Encodable> ext = new LinkedHashMap<>();
    ext.put(AMD_ARC + "1", new ASN1Integer(0));
    ext.put(AMD_ARC + "2", new DERIA5String(line.kdsName() + (line == SnpProductLine.MILAN ? "-B0" : "")));
    ext.put(AMD_ARC + "3.1", new ASN1Integer(guest.reportedTcb().bootloader()));
    ext.put(AMD_ARC + "3.2", new ASN1Integer(guest.reportedTcb().tee()));
    ext.put(AMD_ARC + "3.3", new ASN1Integer(guest.reportedTcb().snp()));
    ext.put(AMD_ARC + "3.8", new ASN1Integer(guest.reportedTcb().microcode()));
    if (line.turinTcbLayout()) {
      ext.put(AMD_ARC + "3.9", new ASN1Integer(guest.reportedTcb().fmc()));
      ext.put(AMD_ARC + "4", new DEROctetString(java.util.Arrays.copyOf(chipId, 8)));
    } else {
      ext.put(AMD_ARC + "4", new DEROctetString(chipId));
    }
    return ext;
  }

  private KeyPair rsa4096(SecureRandom rnd) throws GeneralSecurityException {
    KeyPairGenerator g = KeyPairGenerator.getInstance("RSA", bc);
    g.initialize(new RSAKeyGenParameterSpec(4096, RSAKeyGenParameterSpec.F4), rnd);
    return g.generateKeyPair();
  }

  private static X500Name name(String cn) {
    return new X500Name("CN=" + cn + " (gpucc SIMULATED),O=" + SimulatedRoots.ORGANIZATION + ",C=ZZ");
  }

  private X509Certificate sign(X500Name subject, X500Name issuer, PublicKey key, PrivateKey signer, boolean ca,
      Map<String, ASN1Encodable> extra) throws GeneralSecurityException {
    Instant now = Instant.now();
    try {
      X509v3CertificateBuilder b = new JcaX509v3CertificateBuilder(issuer, BigInteger.valueOf(now.toEpochMilli()),
          Date.from(now.minus(Duration.ofDays(1))), Date.from(now.plus(Duration.ofDays(3650))), subject, key);
      if (ca) {
        b.addExtension(Extension.basicConstraints, true, new BasicConstraints(subject.equals(issuer) ? 1 : 0));
        b.addExtension(Extension.keyUsage, true, new KeyUsage(KeyUsage.keyCertSign | KeyUsage.cRLSign));
      }
      for (Map.Entry<String, ASN1Encodable> e : extra.entrySet()) {
        b.addExtension(new ASN1ObjectIdentifier(e.getKey()), false, e.getValue());
      }
      // AMD signs every certificate in the hierarchy with RSASSA-PSS, SHA-384, MGF1-SHA-384, salt 48.
      return new JcaX509CertificateConverter().setProvider(bc)
          .getCertificate(b.build(new JcaContentSignerBuilder("SHA384withRSAandMGF1").setProvider(bc).build(signer)));
    } catch (OperatorCreationException | CertIOException e) {
      throw new GeneralSecurityException("cannot build a simulated certificate", e);
    }
  }
}
