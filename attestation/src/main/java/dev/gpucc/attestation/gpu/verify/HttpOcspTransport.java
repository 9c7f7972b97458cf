package dev.gpucc.attestation.gpu.verify;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/**
 * OCSP over HTTP POST (RFC 6960 Appendix A.1) with java.net.http. Used only when a caller
 * configures it explicitly (the verifier is offline by default).
 */
public final class HttpOcspTransport implements BcOcspChecker.OcspTransport {
  /** Responses larger than this are refused (a GPU chain answer is a few kB). */
  private static final int MAX_RESPONSE = 64 * 1024;
  private final HttpClient client;
  private final Duration timeout;

  public HttpOcspTransport(Duration timeout) {
    this.timeout = timeout;
    this.client = HttpClient.newBuilder().connectTimeout(timeout).followRedirects(HttpClient.Redirect.NEVER).build();
  }

  @Override
  public byte[] post(URI responder, byte[] request) throws IOException {
    HttpRequest req = HttpRequest.newBuilder(responder)
        .timeout(timeout)
        .header("Content-Type", "application/ocsp-request")
        .header("Accept", "application/ocsp-response")
        .POST(HttpRequest.BodyPublishers.ofByteArray(request))
        .build();
    try {
      HttpResponse<byte[]> resp = client.send(req, HttpResponse.BodyHandlers.ofByteArray());
      if (resp.statusCode() != 200) {
        throw new IOException("HTTP " + resp.statusCode() + " from " + responder);
      }
      if (resp.body().length > MAX_RESPONSE) {
        throw new IOException("OCSP response of " + resp.body().length + " bytes is too large");
      }
      return resp.body();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IOException("interrupted while waiting for " + responder, e);
    }
  }
}
