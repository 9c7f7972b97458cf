package dev.gpucc.server.evidence.tdx;

import com.google.protobuf.ByteString;
import dev.gpucc.attestation.Hex;
import dev.gpucc.proto.v1.TdxCollateral;
import java.io.IOException;
import java.net.URI;
import java.net.URLDecoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Fetches TDX collateral from Intel PCS v4 (or a PCCS with the same API; evidence-formats §3.6):
 * TCB info for an FMSPC, TD QE identity, PCK CRL and the root CA CRL, with the issuer chains from
 * the response headers (URL-decoded PEM). Bodies are kept byte for byte (signatures cover them).
 *
 * <p>Never implicit: a caller constructs it with a base URL and calls {@link #fetch}. Responses
 * are cached per URL for {@code cacheTtl}; failures (I/O, 5xx, 429) are retried with exponential
 * backoff up to {@code maxAttempts}; 4xx other than 429 fail at once.
 */
public final class PcsCollateralFetcher {
  public static final URI INTEL_PCS = URI.create("https://api.trustedservices.intel.com");
  public static final URI INTEL_ROOT_CRL = URI.create("https://certificates.trustedservices.intel.com/IntelSGXRootCA.der");

  private final HttpClient http;
  private final URI base;
  private final URI rootCrl;
  private final int maxAttempts;
  private final Duration initialBackoff;
  private final Duration cacheTtl;
  private final Clock clock;
  private final Map<URI, Cached> cache = new ConcurrentHashMap<>();

  record Response(byte[] body, Map<String, java.util.List<String>> headers) {}

  private record Cached(Response response, Instant until) {}

  public PcsCollateralFetcher(HttpClient http, URI base, URI rootCrl, int maxAttempts, Duration initialBackoff,
      Duration cacheTtl, Clock clock) {
    this.http = http;
    this.base = base;
    this.rootCrl = rootCrl;
    this.maxAttempts = maxAttempts;
    this.initialBackoff = initialBackoff;
    this.cacheTtl = cacheTtl;
    this.clock = clock;
  }

  /** Intel PCS with 3 attempts, 500 ms initial backoff, 1 h cache. */
  public static PcsCollateralFetcher intel() {
    return new PcsCollateralFetcher(HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build(),
        INTEL_PCS, INTEL_ROOT_CRL, 3, Duration.ofMillis(500), Duration.ofHours(1), Clock.systemUTC());
  }

  /**
   * @param fmspc 6 bytes from the PCK certificate
   * @param pckCa "platform" or "processor" (from the PCK intermediate's CN)
   */
  public TdxCollateral fetch(byte[] fmspc, String pckCa) throws IOException, InterruptedException {
    Response tcb = get(base.resolve("/tdx/certification/v4/tcb?fmspc=" + Hex.encode(fmspc)));
    Response qe = get(base.resolve("/tdx/certification/v4/qe/identity"));
    Response crl = get(base.resolve("/sgx/certification/v4/pckcrl?ca=" + pckCa.toLowerCase(Locale.ROOT)
        + "&encoding=der"));
    Response root = get(rootCrl);
    return TdxCollateral.newBuilder()
        .setTcbInfoJson(ByteString.copyFrom(tcb.body()))
        .setTcbInfoIssuerChainPem(chain(tcb, "TCB-Info-Issuer-Chain"))
        .setQeIdentityJson(ByteString.copyFrom(qe.body()))
        .setQeIdentityIssuerChainPem(chain(qe, "SGX-Enclave-Identity-Issuer-Chain"))
        .setPckCrl(ByteString.copyFrom(crl.body()))
        .setPckCrlIssuerChainPem(chain(crl, "SGX-PCK-CRL-Issuer-Chain"))
        .setRootCaCrl(ByteString.copyFrom(root.body()))
        .build();
  }

  private static ByteString chain(Response r, String header) throws IOException {
    String v = r.headers().entrySet().stream()
        .filter(e -> e.getKey() != null && e.getKey().equalsIgnoreCase(header))
        .flatMap(e -> e.getValue().stream()).findFirst()
        .orElseThrow(() -> new IOException("PCS response lacks header " + header));
    return ByteString.copyFrom(URLDecoder.decode(v, StandardCharsets.UTF_8), StandardCharsets.UTF_8);
  }

  Response get(URI uri) throws IOException, InterruptedException {
    Cached c = cache.get(uri);
    if (c != null && clock.instant().isBefore(c.until())) {
      return c.response();
    }
    IOException last = null;
    Duration backoff = initialBackoff;
    for (int attempt = 1; attempt <= maxAttempts; attempt++) {
      try {
        HttpResponse<byte[]> r = http.send(HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(30)).GET().build(),
            HttpResponse.BodyHandlers.ofByteArray());
        if (r.statusCode() == 200) {
          Response resp = new Response(r.body(), r.headers().map());
          cache.put(uri, new Cached(resp, clock.instant().plus(cacheTtl)));
          return resp;
        }
        last = new IOException("GET " + uri + ": HTTP " + r.statusCode());
        if (r.statusCode() < 500 && r.statusCode() != 429) {
          throw last;
        }
      } catch (IOException e) {
        if (e == last) {
          throw e;
        }
        last = e;
      }
      if (attempt < maxAttempts) {
        Thread.sleep(backoff.toMillis());
        backoff = backoff.multipliedBy(2);
      }
    }
    throw new IOException("GET " + uri + " failed after " + maxAttempts + " attempts: " + last.getMessage(), last);
  }
}
