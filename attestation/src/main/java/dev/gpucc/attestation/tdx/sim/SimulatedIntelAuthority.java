package dev.gpucc.attestation.tdx.sim;

import com.google.protobuf.ByteString;
import dev.gpucc.attestation.CertificateFiles;
import dev.gpucc.attestation.Digests;
import dev.gpucc.attestation.Hex;
import dev.gpucc.attestation.tdx.abi.QuoteHeader;
import dev.gpucc.attestation.tdx.collateral.SignedJson;
import dev.gpucc.attestation.tdx.verify.P256;
import dev.gpucc.proto.v1.TdxCollateral;
import dev.gpucc.proto.v1.TdxEvidence;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.Provider;
import java.security.cert.X509Certificate;
import java.security.interfaces.ECPublicKey;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.jce.provider.BouncyCastleProvider;

/**
 * A simulated Intel attestation authority for machines without TDX: a self-signed P-256 root
 * (subject O={@link dev.gpucc.attestation.SimulatedRoots#ORGANIZATION}), a PCK Platform CA, a PCK
 * leaf with real SGX extensions, a TCB Signing cert, and a quoting "enclave" that produces REAL
 * v4 quotes (attestation key P-256, QE report signed by the PCK key, QE auth data, certification
 * data type 6 wrapping type 5) plus collateral signed over the exact JSON bytes and CRLs.
 *
 * <p>The evidence proves nothing about hardware: {@link dev.gpucc.attestation.tdx.TdxEvidenceVerifier}
 * accepts it only when {@code VerifyOptions.allowSimulated()} is set, and labels it simulated.
 */
public final class SimulatedIntelAuthority {
  /** FMSPC of the simulated platform (not a real Intel FMSPC family). */
  public static final byte[] FMSPC = Hex.decode("00aa00000000");
  static final int[] SGX_COMPONENTS = {5, 5, 2, 2, 3, 1, 0, 3, 0, 0, 0, 0, 0, 0, 0, 0};
  static final int PCE_SVN = 13;
  static final int QE_SVN = 8;
  static final byte[] TEE_TCB_SVN = Hex.decode("05000600000000000000000000000000");
  static final byte[] QE_MRSIGNER = Digests.sha256("gpucc simulated TD QE signer".getBytes(StandardCharsets.US_ASCII));

  private final Provider provider;
  private final Instant now;
  private final KeyPair rootKey;
  private final KeyPair platformKey;
  private final KeyPair pckKey;
  private final KeyPair tcbSigningKey;
  private final KeyPair attestationKey;
  private final X509Certificate root;
  private final X509Certificate platformCa;
  private final X509Certificate pck;
  private final X509Certificate tcbSigning;
  private final SimulatedCerts certs;
  private byte[] mrTd = Digests.sha384("gpucc simulated TD".getBytes(StandardCharsets.US_ASCII));
  private byte[] tdAttributes = Hex.decode("0000001000000000");
  private String tcbStatus = "UpToDate";
  private boolean pckRevoked;
  private byte[] moduleMrSigner = new byte[48];
  private byte[] qeIdentityMrSigner = QE_MRSIGNER;

  private SimulatedIntelAuthority(Provider provider, Instant now) throws GeneralSecurityException {
    this.provider = provider;
    this.now = now;
    certs = new SimulatedCerts(provider, now.minus(Duration.ofDays(1)), now.plus(Duration.ofDays(3650)));
    rootKey = SimulatedCerts.p256(provider);
    platformKey = SimulatedCerts.p256(provider);
    pckKey = SimulatedCerts.p256(provider);
    tcbSigningKey = SimulatedCerts.p256(provider);
    attestationKey = SimulatedCerts.p256(provider);
    X500Name rootName = SimulatedCerts.name("gpucc Simulated SGX Root CA");
    X500Name platformName = SimulatedCerts.name("gpucc Simulated SGX PCK Platform CA");
    root = certs.issue(rootName, rootKey.getPublic(), rootName, rootKey.getPrivate(), 1, null);
    platformCa = certs.issue(platformName, platformKey.getPublic(), rootName, rootKey.getPrivate(), 0, null);
    pck = certs.issue(SimulatedCerts.name("gpucc Simulated SGX PCK Certificate"), pckKey.getPublic(),
        platformName, platformKey.getPrivate(), -1,
        SimulatedCerts.sgxExtension(new byte[16], SGX_COMPONENTS, PCE_SVN, new byte[16], new byte[2], FMSPC));
    tcbSigning = certs.issue(SimulatedCerts.name("gpucc Simulated SGX TCB Signing"), tcbSigningKey.getPublic(),
        rootName, rootKey.getPrivate(), -1, null);
  }

  /** A fresh authority with new keys, valid from now for ten years. */
  public static SimulatedIntelAuthority generate() throws GeneralSecurityException {
    return generate(Instant.now());
  }

  public static SimulatedIntelAuthority generate(Instant now) throws GeneralSecurityException {
    return new SimulatedIntelAuthority(new BouncyCastleProvider(), now);
  }

  /** Sets the MRTD the simulated TD reports (48 bytes). */
  public SimulatedIntelAuthority withMrTd(byte[] mrTd48) {
    this.mrTd = Arrays.copyOf(mrTd48, 48);
    return this;
  }

  /** Sets TDATTRIBUTES (8 bytes LE), e.g. with the DEBUG bit for negative tests. */
  public SimulatedIntelAuthority withTdAttributes(byte[] attributes8) {
    this.tdAttributes = Arrays.copyOf(attributes8, 8);
    return this;
  }

  /** Sets the status of the single TCB info level (e.g. "OutOfDate") for negative tests. */
  public SimulatedIntelAuthority withTcbStatus(String status) {
    this.tcbStatus = status;
    return this;
  }

  /** Lists the PCK leaf on the simulated PCK CRL (negative tests). */
  public SimulatedIntelAuthority withPckRevoked(boolean revoked) {
    this.pckRevoked = revoked;
    return this;
  }

  /** Sets tcbInfo.tdxModule.mrsigner (the quote's MRSIGNERSEAM stays zero) for negative tests. */
  public SimulatedIntelAuthority withTdxModuleMrSigner(byte[] mrSigner48) {
    this.moduleMrSigner = Arrays.copyOf(mrSigner48, 48);
    return this;
  }

  /** Sets the QE identity's mrsigner (the QE report keeps its own) for negative tests. */
  public SimulatedIntelAuthority withQeIdentityMrSigner(byte[] mrSigner32) {
    this.qeIdentityMrSigner = Arrays.copyOf(mrSigner32, 32);
    return this;
  }

  public X509Certificate root() {
    return root;
  }

  /** A real-format v4 quote over {@code reportData64} plus complete simulated collateral. */
  public TdxEvidence attest(byte[] reportData64) throws GeneralSecurityException {
    if (reportData64.length != 64) {
      throw new IllegalArgumentException("report data must be 64 bytes, got " + reportData64.length);
    }
    return TdxEvidence.newBuilder()
        .setQuote(ByteString.copyFrom(quote(reportData64)))
        .setCollateral(collateral())
        .setSimulated(true)
        .setProvider("simulated")
        .build();
  }

  private byte[] quote(byte[] reportData) throws GeneralSecurityException {
    byte[][] rtmrs = new byte[4][];
    for (int i = 0; i < 4; i++) {
      rtmrs[i] = Digests.sha384(("gpucc simulated RTMR" + i).getBytes(StandardCharsets.US_ASCII));
    }
    byte[] signed = concat(
        QuoteBytes.headerV4(Hex.decode(QuoteHeader.INTEL_QE_VENDOR_ID), new byte[20]),
        QuoteBytes.body(TEE_TCB_SVN, Digests.sha384("gpucc simulated TDX module".getBytes(StandardCharsets.US_ASCII)),
            tdAttributes, Hex.decode("e702060000000000"), mrTd, rtmrs, reportData));
    byte[] attKey = P256.rawKey((ECPublicKey) attestationKey.getPublic());
    byte[] auth = new byte[32];
    for (int i = 0; i < 32; i++) {
      auth[i] = (byte) i;
    }
    byte[] qeReportData = Arrays.copyOf(Digests.sha256(attKey, auth), 64);
    byte[] qeReport = QuoteBytes.qeReport(new byte[16], Hex.decode("11000000000000000000000000000000"),
        Digests.sha256("gpucc simulated QE".getBytes(StandardCharsets.US_ASCII)), QE_MRSIGNER, 2, QE_SVN, qeReportData);
    byte[] chain = CertificateFiles.toPem(List.of(pck, platformCa, root)).getBytes(StandardCharsets.US_ASCII);
    byte[] sd = QuoteBytes.signatureData(
        P256.sign(attestationKey.getPrivate(), signed, provider), attKey, qeReport,
        P256.sign(pckKey.getPrivate(), qeReport, provider), auth, chain);
    return QuoteBytes.quote(signed, sd);
  }

  /** TCB info + QE identity (signed over their exact bytes), CRLs and issuer chains. */
  public TdxCollateral collateral() throws GeneralSecurityException {
    Instant next = now.plus(Duration.ofDays(30));
    String tcb = SimulatedCollateralJson.tcbInfo(now, next, FMSPC, new byte[2], SGX_COMPONENTS, PCE_SVN,
        TEE_TCB_SVN, tcbStatus, moduleMrSigner);
    String qe = SimulatedCollateralJson.qeIdentity(now, next, qeIdentityMrSigner, 2, QE_SVN);
    byte[] signingChain = CertificateFiles.toPem(List.of(tcbSigning, root)).getBytes(StandardCharsets.US_ASCII);
    return TdxCollateral.newBuilder()
        .setTcbInfoJson(ByteString.copyFrom(signedBody("tcbInfo", tcb)))
        .setTcbInfoIssuerChainPem(ByteString.copyFrom(signingChain))
        .setQeIdentityJson(ByteString.copyFrom(signedBody("enclaveIdentity", qe)))
        .setQeIdentityIssuerChainPem(ByteString.copyFrom(signingChain))
        .setPckCrl(ByteString.copyFrom(certs.crl(X500Name.getInstance(platformCa.getSubjectX500Principal().getEncoded()),
            platformKey.getPrivate(), now.minus(Duration.ofDays(1)), next,
            pckRevoked ? new java.math.BigInteger[] {pck.getSerialNumber()} : new java.math.BigInteger[0])
            .getEncoded()))
        .setPckCrlIssuerChainPem(ByteString.copyFrom(
            CertificateFiles.toPem(List.of(platformCa, root)).getBytes(StandardCharsets.US_ASCII)))
        .setRootCaCrl(ByteString.copyFrom(certs.crl(X500Name.getInstance(root.getSubjectX500Principal().getEncoded()),
            rootKey.getPrivate(), now.minus(Duration.ofDays(1)), next).getEncoded()))
        .build();
  }

  private byte[] signedBody(String member, String json) throws GeneralSecurityException {
    byte[] raw = json.getBytes(StandardCharsets.UTF_8);
    return SignedJson.wrap(member, raw, P256.sign(tcbSigningKey.getPrivate(), raw, provider));
  }

  private static byte[] concat(byte[] a, byte[] b) {
    byte[] out = Arrays.copyOf(a, a.length + b.length);
    System.arraycopy(b, 0, out, a.length, b.length);
    return out;
  }
}
