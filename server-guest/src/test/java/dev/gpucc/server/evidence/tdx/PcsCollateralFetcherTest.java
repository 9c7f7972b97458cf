package dev.gpucc.server.evidence.tdx;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.HttpServer;
import dev.gpucc.attestation.Hex;
import dev.gpucc.attestation.Verdict;
import dev.gpucc.attestation.VerifyOptions;
import dev.gpucc.attestation.tdx.TdxEvidenceVerifier;
import dev.gpucc.attestation.tdx.TdxVectors;
import dev.gpucc.proto.v1.TdxCollateral;
import dev.gpucc.proto.v1.TdxEvidence;
import dev.gpucc.proto.v1.TdxPolicy;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The PCS fetcher against a local PCS-like server on loopback serving the SPR-E4 collateral. */
class PcsCollateralFetcherTest {
  private HttpServer server;
  private final Map<String, AtomicInteger> hits = new ConcurrentHashMap<>();
  private final AtomicInteger failFirst = new AtomicInteger();
  private URI base;

  @BeforeEach
  void start() throws IOException {
    server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    TdxCollateral c = TdxVectors.sprE4Collateral();
    route("/tdx/certification/v4/tcb", c.getTcbInfoJson().toByteArray(), "TCB-Info-Issuer-Chain",
        c.getTcbInfoIssuerChainPem().toStringUtf8());
    route("/tdx/certification/v4/qe/identity", c.getQeIdentityJson().toByteArray(),
        "SGX-Enclave-Identity-Issuer-Chain", c.getQeIdentityIssuerChainPem().toStringUtf8());
    route("/sgx/certification/v4/pckcrl", c.getPckCrl().toByteArray(), "SGX-PCK-CRL-Issuer-Chain",
        c.getPckCrlIssuerChainPem().toStringUtf8());
    route("/root.der", c.getRootCaCrl().toByteArray(), null, null);
    server.start();
    base = URI.create("http://127.0.0.1:" + server.getAddress().getPort());
  }

  private void route(String path, byte[] body, String header, String pem) {
    server.createContext(path, ex -> {
      hits.computeIfAbsent(path, k -> new AtomicInteger()).incrementAndGet();
      if (failFirst.getAndUpdate(n -> n > 0 ? n - 1 : 0) > 0) {
        ex.sendResponseHeaders(503, -1);
        ex.close();
        return;
      }
      if (path.endsWith("tcb") && !"fmspc=50806f000000".equals(ex.getRequestURI().getQuery())) {
        ex.sendResponseHeaders(404, -1);
        ex.close();
        return;
      }
      if (header != null) {
        ex.getResponseHeaders().add(header, URLEncoder.encode(pem, StandardCharsets.UTF_8));
      }
      ex.sendResponseHeaders(200, body.length);
      ex.getResponseBody().write(body);
      ex.close();
    });
  }

  @AfterEach
  void stop() {
    server.stop(0);
  }

  private PcsCollateralFetcher fetcher() {
    return new PcsCollateralFetcher(HttpClient.newHttpClient(), base, base.resolve("/root.der"), 3,
        Duration.ofMillis(10), Duration.ofHours(1), Clock.systemUTC());
  }

  @Test
  void fetch_byteExactAndVerifies() throws Exception {
    TdxCollateral got = fetcher().fetch(Hex.decode("50806f000000"), "platform");
    assertThat(got).isEqualTo(TdxVectors.sprE4Collateral());
    TdxEvidence e = TdxVectors.evidence(TdxVectors.TRUSTEE_QUOTE, got);
    Verdict.Builder out = Verdict.builder();
    new TdxEvidenceVerifier(VerifyOptions.builder().at(TdxVectors.SPR_E4_TIME).build())
        .verify(e, Optional.empty(), TdxPolicy.newBuilder().setAllowDebug(true).build(), out);
    assertThat(out.build().reasons()).isEmpty();
  }

  @Test
  void cached() throws Exception {
    PcsCollateralFetcher f = fetcher();
    f.fetch(Hex.decode("50806f000000"), "platform");
    f.fetch(Hex.decode("50806f000000"), "platform");
    assertThat(hits.get("/tdx/certification/v4/tcb").get()).isEqualTo(1);
  }

  @Test
  void retriesServerErrorsWithBackoff() throws Exception {
    failFirst.set(2);
    fetcher().fetch(Hex.decode("50806f000000"), "platform");
    assertThat(hits.get("/tdx/certification/v4/tcb").get()).isEqualTo(3);
  }

  @Test
  void clientErrorNotRetried() {
    PcsCollateralFetcher f = fetcher();
    assertThatThrownBy(() -> f.fetch(Hex.decode("000000000000"), "platform")).hasMessageContaining("HTTP 404");
    assertThat(hits.get("/tdx/certification/v4/tcb").get()).isEqualTo(1);
  }

  @Test
  void givesUpAfterMaxAttempts() {
    failFirst.set(100);
    assertThatThrownBy(() -> fetcher().fetch(Hex.decode("50806f000000"), "platform"))
        .hasMessageContaining("failed after 3 attempts").hasMessageContaining("HTTP 503");
  }
}
