package dev.gpucc.attestation.snp.kds;

import dev.gpucc.attestation.CertificateFiles;
import dev.gpucc.attestation.Digests;
import dev.gpucc.attestation.Hex;
import dev.gpucc.attestation.snp.abi.SnpProductLine;
import dev.gpucc.attestation.snp.abi.TcbVersion;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.cert.CRLException;
import java.security.cert.CertificateException;
import java.security.cert.X509CRL;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * Fetches from AMD KDS over HTTPS with java.net.http: an on-disk cache (VCEKs never change for a
 * chip and TCB, so they are cached indefinitely; CRLs are not cached), retries with exponential
 * backoff on network errors, HTTP 429 and 5xx (KDS rate-limits), and one total deadline for all
 * attempts. 4xx other than 429 fails at once.
 */
public final class HttpVcekFetcher implements VcekFetcher {
  private final HttpClient client;
  private final KdsUrls urls;
  private final Optional<Path> cacheDir;
  private final int maxAttempts;
  private final Duration initialBackoff;
  private final Duration totalTimeout;

  private HttpVcekFetcher(Builder b) {
    this.client = b.client != null ? b.client
        : HttpClient.newBuilder().connectTimeout(b.totalTimeout).followRedirects(HttpClient.Redirect.NORMAL).build();
    this.urls = b.urls;
    this.cacheDir = Optional.ofNullable(b.cacheDir);
    this.maxAttempts = b.maxAttempts;
    this.initialBackoff = b.initialBackoff;
    this.totalTimeout = b.totalTimeout;
  }

  public static Builder builder() {
    return new Builder();
  }

  @Override
  public X509Certificate fetchVcek(SnpProductLine line, byte[] chipId, TcbVersion reportedTcb)
      throws KdsException {
    URI uri = vcekUri(line, chipId, reportedTcb);
    Optional<X509Certificate> hit = cachedVcek(line, chipId, reportedTcb);
    if (hit.isPresent()) {
      return hit.get();
    }
    Optional<Path> cached = cacheFile(uri);
    byte[] body = get(uri);
    X509Certificate cert;
    try {
      cert = CertificateFiles.parseOne(body);
    } catch (CertificateException | RuntimeException e) {
      throw new KdsException("KDS " + uri + " returned no certificate", e);
    }
    if (cached.isPresent()) {
      store(cached.get(), body);
    }
    return cert;
  }

  /**
   * The VCEK from the on-disk cache only, never from the network (offline verification). Empty
   * when there is no cache, no entry, or a damaged entry.
   */
  public Optional<X509Certificate> cachedVcek(SnpProductLine line, byte[] chipId, TcbVersion reportedTcb)
      throws KdsException {
    Optional<Path> cached = cacheFile(vcekUri(line, chipId, reportedTcb));
    if (cached.isPresent() && Files.isRegularFile(cached.get())) {
      try {
        return Optional.of(CertificateFiles.parseOne(Files.readAllBytes(cached.get())));
      } catch (IOException | CertificateException e) {
        return Optional.empty(); // a damaged entry counts as a miss and is refetched
      }
    }
    return Optional.empty();
  }

  private URI vcekUri(SnpProductLine line, byte[] chipId, TcbVersion reportedTcb) throws KdsException {
    try {
      return urls.vcek(line, chipId, reportedTcb);
    } catch (IllegalArgumentException e) {
      throw new KdsException(e.getMessage(), e);
    }
  }

  private Optional<Path> cacheFile(URI uri) {
    return cacheDir.map(d -> d.resolve(Hex.encode(Digests.sha256(uri.toString().getBytes(StandardCharsets.UTF_8))) + ".der"));
  }

  @Override
  public X509CRL fetchCrl(SnpProductLine line, boolean vlek) throws KdsException {
    URI uri = urls.crl(line, vlek);
    byte[] body = get(uri);
    X509CRL crl;
    try {
      crl = CertificateFiles.parseCrl(body);
    } catch (CRLException | RuntimeException e) {
      throw new KdsException("KDS " + uri + " returned no CRL", e);
    }
    cacheFile(uri).ifPresent(f -> store(f, body));
    return crl;
  }

  /**
   * The product line's CRL from the on-disk cache only (offline), whatever its age: the verifier
   * applies a CRL only when it is signed by the ARK and current at the verification instant.
   */
  public Optional<X509CRL> cachedCrl(SnpProductLine line, boolean vlek) {
    Optional<Path> f = cacheFile(urls.crl(line, vlek));
    if (f.isPresent() && Files.isRegularFile(f.get())) {
      try {
        return Optional.of(CertificateFiles.parseCrl(Files.readAllBytes(f.get())));
      } catch (IOException | CRLException e) {
        return Optional.empty();
      }
    }
    return Optional.empty();
  }

  private static void store(Path file, byte[] body) {
    try {
      Files.createDirectories(file.getParent());
      Path tmp = Files.createTempFile(file.getParent(), "vcek", ".tmp");
      Files.write(tmp, body);
      Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    } catch (IOException e) {
      // The cache is an optimisation; failing to write it must not fail verification.
    }
  }

  /** GET with retries under the total deadline. */
  byte[] get(URI uri) throws KdsException {
    Instant deadline = Instant.now().plus(totalTimeout);
    Duration backoff = initialBackoff;
    String last = "no attempt";
    for (int attempt = 1; attempt <= maxAttempts; attempt++) {
      Duration left = Duration.between(Instant.now(), deadline);
      if (left.isNegative() || left.isZero()) {
        break;
      }
      try {
        HttpRequest req = HttpRequest.newBuilder(uri).timeout(left).GET().build();
        HttpResponse<byte[]> resp = client.send(req, HttpResponse.BodyHandlers.ofByteArray());
        int status = resp.statusCode();
        if (status == 200) {
          return resp.body();
        }
        last = "HTTP " + status;
        if (status != 429 && status < 500) {
          throw new KdsException("KDS " + uri + " answered " + last);
        }
      } catch (IOException e) {
        last = e.toString();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new KdsException("interrupted while fetching " + uri, e);
      }
      if (attempt < maxAttempts && !sleepUntil(backoff, deadline)) {
        break;
      }
      backoff = backoff.multipliedBy(2);
    }
    throw new KdsException("KDS " + uri + " failed within " + totalTimeout + " / " + maxAttempts
        + " attempts (last: " + last + ")");
  }

  private static boolean sleepUntil(Duration backoff, Instant deadline) throws KdsException {
    Instant wake = Instant.now().plus(backoff);
    if (wake.isAfter(deadline)) {
      return false;
    }
    try {
      Thread.sleep(backoff.toMillis());
      return true;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new KdsException("interrupted during backoff", e);
    }
  }

  /** Builder with KDS-friendly defaults: 4 attempts, 1 s initial backoff, 30 s in total. */
  public static final class Builder {
    private HttpClient client;
    private KdsUrls urls = KdsUrls.amd();
    private Path cacheDir;
    private int maxAttempts = 4;
    private Duration initialBackoff = Duration.ofSeconds(1);
    private Duration totalTimeout = Duration.ofSeconds(30);

    public Builder client(HttpClient c) {
      this.client = Objects.requireNonNull(c);
      return this;
    }

    public Builder urls(KdsUrls u) {
      this.urls = Objects.requireNonNull(u);
      return this;
    }

    public Builder cacheDir(Path dir) {
      this.cacheDir = dir;
      return this;
    }

    public Builder maxAttempts(int n) {
      if (n < 1) {
        throw new IllegalArgumentException("maxAttempts must be >= 1");
      }
      this.maxAttempts = n;
      return this;
    }

    public Builder initialBackoff(Duration d) {
      this.initialBackoff = Objects.requireNonNull(d);
      return this;
    }

    public Builder totalTimeout(Duration d) {
      this.totalTimeout = Objects.requireNonNull(d);
      return this;
    }

    public HttpVcekFetcher build() {
      return new HttpVcekFetcher(this);
    }
  }
}
