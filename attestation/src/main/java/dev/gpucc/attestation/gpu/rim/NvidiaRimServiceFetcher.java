package dev.gpucc.attestation.gpu.rim;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.Optional;

/**
 * NVIDIA's RIM service (evidence-formats §4.8): GET {@code <base>/<id>} returns JSON whose
 * {@code rim} member is the base64 RIM XML; 404 means no such RIM. Network access happens only
 * when a caller builds one of these explicitly.
 */
public final class NvidiaRimServiceFetcher implements RimFetcher {
  public static final URI NVIDIA_RIM_SERVICE = URI.create("https://rim.attestation.nvidia.com/v1/rim/");
  private static final int MAX_RESPONSE = 4 * 1024 * 1024;

  private final URI base;
  private final HttpClient client;
  private final Duration timeout;

  public NvidiaRimServiceFetcher(URI base, Duration timeout) {
    this.base = base.toString().endsWith("/") ? base : URI.create(base + "/");
    this.timeout = timeout;
    this.client = HttpClient.newBuilder().connectTimeout(timeout).followRedirects(HttpClient.Redirect.NEVER).build();
  }

  @Override
  public Optional<byte[]> fetch(String rimId) throws IOException {
    URI uri = base.resolve(RimFetcher.checkId(rimId));
    HttpRequest req = HttpRequest.newBuilder(uri).timeout(timeout).GET().build();
    HttpResponse<byte[]> resp;
    try {
      resp = client.send(req, HttpResponse.BodyHandlers.ofByteArray());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IOException("interrupted while fetching " + uri, e);
    }
    if (resp.statusCode() == 404) {
      return Optional.empty();
    }
    if (resp.statusCode() != 200) {
      throw new IOException("HTTP " + resp.statusCode() + " from " + uri);
    }
    if (resp.body().length > MAX_RESPONSE) {
      throw new IOException("RIM response from " + uri + " is too large");
    }
    try {
      JsonObject o = JsonParser.parseString(new String(resp.body(), StandardCharsets.UTF_8)).getAsJsonObject();
      JsonElement rim = o.get("rim");
      if (rim == null || !rim.isJsonPrimitive()) {
        throw new IOException("RIM service answer from " + uri + " has no 'rim' member");
      }
      return Optional.of(Base64.getMimeDecoder().decode(rim.getAsString()));
    } catch (RuntimeException e) {
      throw new IOException("RIM service answer from " + uri + " is not the expected JSON: " + e.getMessage(), e);
    }
  }
}
