package dev.gpucc.attestation.snp.sim;

import com.google.protobuf.ByteString;
import dev.gpucc.attestation.CertificateFiles;
import dev.gpucc.attestation.snp.abi.CertTable;
import dev.gpucc.attestation.snp.abi.SnpProductLine;
import dev.gpucc.attestation.snp.abi.TcbVersion;
import dev.gpucc.proto.v1.SnpEvidence;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.PrivateKey;
import java.security.Provider;
import java.security.SecureRandom;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.jce.provider.BouncyCastleProvider;

/**
 * DANGEROUS for trust, by design: a gpucc-made stand-in for AMD's key hierarchy, used by the server
 * when no SEV-SNP hardware is present. It produces reports in the REAL format with REAL crypto
 * (ARK → ASK → VCEK, optionally ASVK → VLEK; RSASSA-PSS SHA-384 and ECDSA P-384), so the same
 * parsers and verifiers run end to end, but every certificate's subject has O={@link
 * dev.gpucc.attestation.SimulatedRoots#ORGANIZATION}: verifiers accept such evidence only when
 * simulation is explicitly allowed, and label it SIMULATED.
 *
 * <p>Immutable and thread-safe. {@link #save} writes private keys to disk (mode 0600 where
 * supported); {@code ark.pem} in that directory is what clients pin.
 */
public final class SimulatedAmdAuthority {
  static final Duration ROOT_VALIDITY = Duration.ofDays(25 * 365);
  static final Duration VEK_VALIDITY = Duration.ofDays(7 * 365);
  /** The simulated CSP named in VLEK certificates. */
  static final String CSP_ID = "gpucc-simulated-csp";

  private final Provider bc = new BouncyCastleProvider();
  private final SnpProductLine line;
  private final TcbVersion tcb;
  private final byte[] chipId;
  private final KeyMaterial keys;

  SimulatedAmdAuthority(SnpProductLine line, TcbVersion tcb, byte[] chipId, KeyMaterial keys) {
    this.line = Objects.requireNonNull(line);
    this.tcb = tcb;
    this.chipId = chipId.clone();
    this.keys = keys;
  }

  /** ARK, ASK and VCEK for a product line (two RSA-4096 key generations: a few seconds). */
  public static SimulatedAmdAuthority generate(SnpProductLine line) {
    return generate(line, false, Instant.now().minus(Duration.ofDays(1)));
  }

  /** Also an ASVK and a VLEK, for VLEK-signed reports. */
  public static SimulatedAmdAuthority generateWithVlek(SnpProductLine line) {
    return generate(line, true, Instant.now().minus(Duration.ofDays(1)));
  }

  static SimulatedAmdAuthority generate(SnpProductLine line, boolean withVlek, Instant notBefore) {
    Provider bc = new BouncyCastleProvider();
    SecureRandom random = new SecureRandom();
    TcbVersion tcb = defaultTcb(line);
    // Turin chip ids are 8 bytes, padded with zeros in the report (evidence-formats §1.2).
    byte[] id = new byte[line == SnpProductLine.TURIN ? 8 : 64];
    random.nextBytes(id);
    byte[] chipId = java.util.Arrays.copyOf(id, 64);
    try {
      String n = line.kdsName();
      KeyPair arkKey = SimulatedCertificates.rsa4096(bc);
      X500Name arkName = SimulatedCertificates.name("ARK-" + n + " (gpucc SIMULATED)");
      X509Certificate ark = SimulatedCertificates.ca(bc, arkName, arkKey.getPublic(), arkName,
          arkKey.getPrivate(), notBefore, ROOT_VALIDITY, null);
      KeyPair askKey = SimulatedCertificates.rsa4096(bc);
      X500Name askName = SimulatedCertificates.name("SEV-" + n + " (gpucc SIMULATED)");
      X509Certificate ask = SimulatedCertificates.ca(bc, askName, askKey.getPublic(), arkName,
          arkKey.getPrivate(), notBefore, ROOT_VALIDITY, 0);
      KeyPair vcekKey = SimulatedCertificates.p384(bc);
      byte[] hwId = line == SnpProductLine.TURIN ? java.util.Arrays.copyOf(chipId, 8) : chipId;
      X509Certificate vcek = SimulatedCertificates.vek(bc, "SEV-VCEK", vcekKey.getPublic(), askName,
          askKey.getPrivate(), notBefore, VEK_VALIDITY, line, productName(line), tcb, hwId, null);
      KeyMaterial km = new KeyMaterial(arkKey.getPrivate(), ark, askKey.getPrivate(), ask,
          vcekKey.getPrivate(), vcek, null, null, null, null);
      if (withVlek) {
        KeyPair asvkKey = SimulatedCertificates.rsa4096(bc);
        X500Name asvkName = SimulatedCertificates.name("SEV-VLEK-" + n + " (gpucc SIMULATED)");
        X509Certificate asvk = SimulatedCertificates.ca(bc, asvkName, asvkKey.getPublic(), arkName,
            arkKey.getPrivate(), notBefore, ROOT_VALIDITY, 0);
        KeyPair vlekKey = SimulatedCertificates.p384(bc);
        X509Certificate vlek = SimulatedCertificates.vek(bc, "SEV-VLEK", vlekKey.getPublic(),
            asvkName, asvkKey.getPrivate(), notBefore, Duration.ofDays(365), line, n, tcb, null, CSP_ID);
        km = new KeyMaterial(km.arkKey, ark, km.askKey, ask, km.vcekKey, vcek,
            asvkKey.getPrivate(), asvk, vlekKey.getPrivate(), vlek);
      }
      return new SimulatedAmdAuthority(line, tcb, chipId, km);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("cannot generate the simulated AMD authority", e);
    }
  }

  /** The TCB the simulated firmware runs (and the VCEK is derived for). */
  static TcbVersion defaultTcb(SnpProductLine line) {
    return line == SnpProductLine.TURIN
        ? TcbVersion.of(line.tcbLayout(), 1, 1, 0, 3, 72)
        : TcbVersion.of(line.tcbLayout(), 0, 4, 0, 24, 217);
  }

  static String productName(SnpProductLine line) {
    return line == SnpProductLine.MILAN ? "Milan-B0" : line.kdsName();
  }

  public SnpProductLine productLine() {
    return line;
  }

  public TcbVersion tcb() {
    return tcb;
  }

  public byte[] chipId() {
    return chipId.clone();
  }

  /** The simulated root; clients pin its SHA-256 (VerifyOptions.simulatedRootSha256). */
  public X509Certificate ark() {
    return keys.ark;
  }

  public X509Certificate ask() {
    return keys.ask;
  }

  public X509Certificate vcek() {
    return keys.vcek;
  }

  public Optional<X509Certificate> asvk() {
    return Optional.ofNullable(keys.asvk);
  }

  public Optional<X509Certificate> vlek() {
    return Optional.ofNullable(keys.vlek);
  }

  KeyMaterial keys() {
    return keys;
  }

  /** A fresh version-3, VCEK-signed report over {@code reportData64}, with ARK/ASK/VCEK attached. */
  public SnpEvidence attest(byte[] reportData64) {
    return attest(reportData64, SimulatedReportOptions.defaults());
  }

  public SnpEvidence attest(byte[] reportData64, SimulatedReportOptions options) {
    return SnpEvidence.newBuilder()
        .setReport(ByteString.copyFrom(report(reportData64, options)))
        .setCertTable(ByteString.copyFrom(certTable(options.signWithVlek()).encode()))
        .setSimulated(true)
        .setProvider("simulated-snp")
        .build();
  }

  /** Just the signed 1184-byte report. */
  public byte[] report(byte[] reportData64, SimulatedReportOptions options) {
    if (reportData64 == null || reportData64.length != 64) {
      throw new IllegalArgumentException("report data must be 64 bytes");
    }
    boolean vlek = options.signWithVlek();
    if (vlek && keys.vlek == null) {
      throw new IllegalStateException("this authority has no VLEK (use generateWithVlek)");
    }
    byte[] report = SimulatedReportEncoder.encode(line, tcb, chipId, reportData64, options, vlek);
    PrivateKey key = vlek ? keys.vlekKey : keys.vcekKey;
    try {
      SimulatedReportEncoder.sign(report, key, bc);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("cannot sign the simulated report", e);
    }
    return report;
  }

  /** ARK, ASK (or ASVK) and VCEK (or VLEK) under their GHCB GUIDs. */
  public CertTable certTable(boolean vlek) {
    List<CertTable.Entry> e = new ArrayList<>();
    e.add(new CertTable.Entry(CertTable.ARK, der(keys.ark)));
    if (vlek) {
      e.add(new CertTable.Entry(CertTable.ASK, der(keys.asvk)));
      e.add(new CertTable.Entry(CertTable.VLEK, der(keys.vlek)));
    } else {
      e.add(new CertTable.Entry(CertTable.ASK, der(keys.ask)));
      e.add(new CertTable.Entry(CertTable.VCEK, der(keys.vcek)));
    }
    return CertTable.of(e);
  }

  /**
   * A DER CRL signed by the simulated ARK, like AMD KDS's {@code /vcek/v1/<product>/crl}.
   *
   * @param revoked certificates to list (normally the ASK or ASVK)
   */
  public byte[] crl(Instant thisUpdate, Instant nextUpdate, List<X509Certificate> revoked) {
    try {
      return SimulatedCertificates.crl(bc, keys.ark, keys.arkKey, thisUpdate, nextUpdate, revoked);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("cannot sign the simulated CRL", e);
    }
  }

  static byte[] der(X509Certificate c) {
    try {
      return c.getEncoded();
    } catch (java.security.cert.CertificateEncodingException e) {
      throw new IllegalStateException(e);
    }
  }

  /** Writes keys and certificates to {@code dir} (created if needed); see {@link SimulatedAuthorityStore}. */
  public void save(java.nio.file.Path dir) throws java.io.IOException {
    SimulatedAuthorityStore.save(this, dir);
  }

  public static SimulatedAmdAuthority load(java.nio.file.Path dir) throws java.io.IOException {
    return SimulatedAuthorityStore.load(dir);
  }

  /**
   * Loads the authority saved in {@code dir}, or generates one for {@code line} and saves it there:
   * key generation takes seconds, and a stable simulated ARK lets clients pin it across restarts.
   *
   * @throws java.io.IOException when {@code dir} holds an authority for another product line
   */
  public static SimulatedAmdAuthority loadOrGenerate(java.nio.file.Path dir, SnpProductLine line)
      throws java.io.IOException {
    if (java.nio.file.Files.exists(dir.resolve("authority.properties"))) {
      SimulatedAmdAuthority a = load(dir);
      if (a.productLine() != line) {
        throw new java.io.IOException(dir + " holds a simulated " + a.productLine().kdsName()
            + " authority, not " + line.kdsName());
      }
      return a;
    }
    SimulatedAmdAuthority a = generate(line);
    a.save(dir);
    return a;
  }

  /** Reads only the ARK that {@link #save} wrote, for clients that pin it. */
  public static X509Certificate loadArk(java.nio.file.Path dir) throws java.io.IOException {
    try {
      return CertificateFiles.parseOne(java.nio.file.Files.readAllBytes(dir.resolve(SimulatedAuthorityStore.ARK)));
    } catch (java.security.cert.CertificateException e) {
      throw new java.io.IOException("not a certificate: " + dir.resolve(SimulatedAuthorityStore.ARK), e);
    }
  }

  /** Private keys and certificates; VLEK parts may be null. */
  record KeyMaterial(
      PrivateKey arkKey, X509Certificate ark, PrivateKey askKey, X509Certificate ask,
      PrivateKey vcekKey, X509Certificate vcek, PrivateKey asvkKey, X509Certificate asvk,
      PrivateKey vlekKey, X509Certificate vlek) {}
}
