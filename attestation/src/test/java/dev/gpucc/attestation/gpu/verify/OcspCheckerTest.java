package dev.gpucc.attestation.gpu.verify;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.HttpServer;
import dev.gpucc.attestation.AttestationVerificationException;
import dev.gpucc.attestation.Reason;
import dev.gpucc.attestation.Verdict;
import dev.gpucc.attestation.VerifyOptions;
import dev.gpucc.attestation.gpu.GpuCollateralSources;
import dev.gpucc.attestation.gpu.GpuEvidenceVerifier;
import dev.gpucc.attestation.gpu.GpuVectors;
import dev.gpucc.proto.v1.GpuPolicy;
import java.math.BigInteger;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.SecureRandom;
import java.security.cert.X509Certificate;
import java.security.spec.ECGenParameterSpec;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import org.bouncycastle.asn1.ocsp.OCSPObjectIdentifiers;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.CRLReason;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.Extensions;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509CertificateHolder;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.cert.ocsp.BasicOCSPRespBuilder;
import org.bouncycastle.cert.ocsp.CertificateStatus;
import org.bouncycastle.cert.ocsp.OCSPReq;
import org.bouncycastle.cert.ocsp.OCSPRespBuilder;
import org.bouncycastle.cert.ocsp.Req;
import org.bouncycastle.cert.ocsp.RespID;
import org.bouncycastle.cert.ocsp.RevokedStatus;
import org.bouncycastle.cert.ocsp.UnknownStatus;
import org.bouncycastle.jce.provider.BouncyCastleProvider;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** BcOcspChecker against a real OCSP responder on loopback, signed by a test CA. */
class OcspCheckerTest {
  private static final BouncyCastleProvider BC = new BouncyCastleProvider();
  private static final Instant NOW = Instant.parse("2024-06-01T00:00:00Z");

  enum Mode { GOOD, REVOKED, HOLD, UNKNOWN, WRONG_NONCE, WRONG_SIGNER, STALE }

  private volatile Mode mode = Mode.GOOD;
  private final AtomicInteger requests = new AtomicInteger();
  private HttpServer server;
  private KeyPair caKey;
  private X509Certificate ca;
  private X509Certificate cert;
  private KeyPair otherKey;
  private URI url;

  private static KeyPair key() throws Exception {
    KeyPairGenerator g = KeyPairGenerator.getInstance("EC", BC);
    g.initialize(new ECGenParameterSpec("secp384r1"));
    return g.generateKeyPair();
  }

  private static X509Certificate issue(String subject, KeyPair subjectKey, String issuer, KeyPair issuerKey, boolean isCa)
      throws Exception {
    JcaX509v3CertificateBuilder b = new JcaX509v3CertificateBuilder(new X500Name(issuer),
        BigInteger.valueOf(new SecureRandom().nextInt(1 << 30) + 1L), Date.from(NOW.minusSeconds(86400)),
        Date.from(NOW.plusSeconds(86400 * 365)), new X500Name(subject), subjectKey.getPublic());
    b.addExtension(Extension.basicConstraints, true, new BasicConstraints(isCa));
    return new JcaX509CertificateConverter().setProvider(BC).getCertificate(
        b.build(new JcaContentSignerBuilder("SHA384withECDSA").setProvider(BC).build(issuerKey.getPrivate())));
  }

  @BeforeEach
  void start() throws Exception {
    caKey = key();
    otherKey = key();
    ca = issue("CN=Test OCSP CA", caKey, "CN=Test OCSP CA", caKey, true);
    cert = issue("CN=Test Intermediate", key(), "CN=Test OCSP CA", caKey, true);
    server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    server.createContext("/", ex -> {
      requests.incrementAndGet();
      try {
        byte[] body = respond(new OCSPReq(ex.getRequestBody().readAllBytes()));
        ex.getResponseHeaders().add("Content-Type", "application/ocsp-response");
        ex.sendResponseHeaders(200, body.length);
        ex.getResponseBody().write(body);
      } catch (Exception e) {
        ex.sendResponseHeaders(500, -1);
      }
      ex.close();
    });
    server.start();
    url = URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/");
  }

  @AfterEach
  void stop() {
    server.stop(0);
  }

  private byte[] respond(OCSPReq req) throws Exception {
    Req one = req.getRequestList()[0];
    X509CertificateHolder caHolder = new JcaX509CertificateHolder(ca);
    BasicOCSPRespBuilder b = new BasicOCSPRespBuilder(new RespID(caHolder.getSubject()));
    CertificateStatus status = switch (mode) {
      case REVOKED -> new RevokedStatus(Date.from(NOW.minusSeconds(60)), CRLReason.keyCompromise);
      case HOLD -> new RevokedStatus(Date.from(NOW.minusSeconds(60)), CRLReason.certificateHold);
      case UNKNOWN -> new UnknownStatus();
      default -> CertificateStatus.GOOD;
    };
    Instant thisUpdate = mode == Mode.STALE ? NOW.minusSeconds(7200) : NOW.minusSeconds(60);
    b.addResponse(one.getCertID(), status, Date.from(thisUpdate), Date.from(thisUpdate.plusSeconds(3600)), null);
    Extension nonce = req.getExtension(OCSPObjectIdentifiers.id_pkix_ocsp_nonce);
    if (mode == Mode.WRONG_NONCE) {
      nonce = new Extension(OCSPObjectIdentifiers.id_pkix_ocsp_nonce, false,
          new org.bouncycastle.asn1.DEROctetString(new org.bouncycastle.asn1.DEROctetString(new byte[32])));
    }
    b.setResponseExtensions(new Extensions(nonce));
    KeyPair signer = mode == Mode.WRONG_SIGNER ? otherKey : caKey;
    return new OCSPRespBuilder().build(OCSPRespBuilder.SUCCESSFUL, b.build(
        new JcaContentSignerBuilder("SHA384withECDSA").setProvider(BC).build(signer.getPrivate()),
        new X509CertificateHolder[] {caHolder}, Date.from(NOW))).getEncoded();
  }

  private BcOcspChecker checker() {
    return new BcOcspChecker(url, new HttpOcspTransport(Duration.ofSeconds(5)), false, new SecureRandom());
  }

  private static VerifyOptions opts() {
    return VerifyOptions.builder().at(NOW).build();
  }

  private void assertFails(Mode m, String code, String part) {
    mode = m;
    assertThatThrownBy(() -> checker().checkNotRevoked(cert, ca, opts()))
        .isInstanceOfSatisfying(AttestationVerificationException.class, e -> {
          assertThat(e.code()).isEqualTo(code);
          assertThat(e.getMessage()).contains(part);
        });
  }

  @Test
  void good_passes() throws Exception {
    checker().checkNotRevoked(cert, ca, opts());
    assertThat(requests.get()).isEqualTo(1);
  }

  @Test
  void revoked_rejected() {
    assertFails(Mode.REVOKED, "GPU_OCSP_REVOKED", "REVOKED");
  }

  @Test
  void hold_rejectedUnlessAllowed() throws Exception {
    assertFails(Mode.HOLD, "GPU_OCSP_REVOKED", "reason 6");
    new BcOcspChecker(url, new HttpOcspTransport(Duration.ofSeconds(5)), true, new SecureRandom())
        .checkNotRevoked(cert, ca, opts());
  }

  @Test
  void unknown_fails() {
    assertFails(Mode.UNKNOWN, "GPU_OCSP_FAILED", "UNKNOWN");
  }

  @Test
  void wrongNonce_fails() {
    assertFails(Mode.WRONG_NONCE, "GPU_OCSP_FAILED", "nonce does not match");
  }

  @Test
  void wrongSigner_fails() {
    assertFails(Mode.WRONG_SIGNER, "GPU_OCSP_FAILED", "signature does not verify");
  }

  @Test
  void staleAnswer_fails() {
    assertFails(Mode.STALE, "GPU_OCSP_FAILED", "not current");
  }

  @Test
  void unreachableResponder_fails() throws Exception {
    server.stop(0);
    assertFails(Mode.GOOD, "GPU_OCSP_FAILED", "no OCSP answer");
  }

  @Test
  void cache_asksOncePerTtl_neverCachesFailures() throws Exception {
    Instant[] now = {NOW};
    Clock clock = new Clock() {
      @Override public java.time.ZoneId getZone() { return java.time.ZoneOffset.UTC; }
      @Override public Clock withZone(java.time.ZoneId z) { return this; }
      @Override public Instant instant() { return now[0]; }
    };
    CachingOcspChecker cached = new CachingOcspChecker(checker(), Duration.ofMinutes(10), clock);
    cached.checkNotRevoked(cert, ca, opts());
    cached.checkNotRevoked(cert, ca, opts());
    assertThat(requests.get()).isEqualTo(1);
    now[0] = NOW.plusSeconds(601);
    cached.checkNotRevoked(cert, ca, opts());
    assertThat(requests.get()).isEqualTo(2);
    mode = Mode.REVOKED;
    now[0] = NOW.plusSeconds(1300);
    assertThatThrownBy(() -> cached.checkNotRevoked(cert, ca, opts())).isInstanceOf(AttestationVerificationException.class);
    assertThatThrownBy(() -> cached.checkNotRevoked(cert, ca, opts())).isInstanceOf(AttestationVerificationException.class);
    assertThat(requests.get()).isEqualTo(4);
  }

  @Test
  void verifier_checksCertificates1To3_andRejectsRevoked() {
    List<String> asked = new ArrayList<>();
    OcspChecker recording = new OcspChecker() {
      @Override
      public void checkNotRevoked(X509Certificate c, X509Certificate issuer, VerifyOptions o)
          throws AttestationVerificationException {
        asked.add(c.getSubjectX500Principal().getName());
        if (c.getSubjectX500Principal().getName().contains("Provisioner")) {
          throw new AttestationVerificationException("GPU_OCSP_REVOKED", "Provisioner ICA is REVOKED");
        }
      }

      @Override
      public String describe() {
        return "recording";
      }
    };
    GpuEvidenceVerifier v = new GpuEvidenceVerifier(GpuVectors.options(), GpuCollateralSources.offline().withOcsp(recording));
    Verdict.Builder out = Verdict.builder();
    v.verify(GpuVectors.nvtrustSample(), Optional.empty(), GpuPolicy.newBuilder().setRequireOcsp(true).build(), out);
    assertThat(asked).hasSize(3);
    assertThat(asked.get(0)).contains("GSP BROM");
    assertThat(out.build().reasons()).extracting(Reason::code).containsExactly("GPU_OCSP_REVOKED");
  }
}
