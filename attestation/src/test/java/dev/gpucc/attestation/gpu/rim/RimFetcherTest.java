package dev.gpucc.attestation.gpu.rim;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.HttpServer;
import dev.gpucc.attestation.Verdict;
import dev.gpucc.attestation.gpu.GpuCollateralSources;
import dev.gpucc.attestation.gpu.GpuEvidenceVerifier;
import dev.gpucc.attestation.gpu.GpuVectors;
import dev.gpucc.proto.v1.GpuPolicy;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RimFetcherTest {
  static final String DRIVER_ID = "NV_GPU_DRIVER_GH100_545.00";
  static final String VBIOS_ID = "NV_GPU_VBIOS_1010_0200_882_96005E0001";

  @Test
  void directory_byId_goNvtrustMatches(@TempDir Path dir) throws Exception {
    Files.write(dir.resolve(DRIVER_ID + ".swidtag"), GpuVectors.resource(RimTest.DRIVER_TEST));
    Files.write(dir.resolve(VBIOS_ID + ".xml"), GpuVectors.resource(RimTest.VBIOS_TEST));
    GpuEvidenceVerifier v = new GpuEvidenceVerifier(GpuVectors.options(), GpuCollateralSources.offline()
        .withRims(new FetchingRimProvider(new DirectoryRimFetcher(dir))));
    Verdict.Builder out = Verdict.builder();
    v.verify(GpuVectors.goNvtrust(), Optional.of(GpuVectors.nonce(GpuVectors.GO_NVTRUST_NONCE)),
        GpuPolicy.newBuilder().setRequireRimMatch(true).build(), out);
    assertThat(out.build().reasons()).isEmpty();
    assertThat(out.build().claims().get("gpu0.rim").toString()).startsWith("MATCH");
  }

  @Test
  void ids_pathTraversalRefused(@TempDir Path dir) {
    assertThatThrownBy(() -> new DirectoryRimFetcher(dir).fetch("../etc/passwd"))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void httpService_andCache() throws Exception {
    AtomicInteger hits = new AtomicInteger();
    HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    server.createContext("/v1/rim/", ex -> {
      hits.incrementAndGet();
      String id = ex.getRequestURI().getPath().substring("/v1/rim/".length());
      byte[] body;
      int status = 200;
      if (id.equals(DRIVER_ID)) {
        body = ("{\"id\":\"" + id + "\",\"rim\":\""
            + Base64.getEncoder().encodeToString(GpuVectors.resource(RimTest.DRIVER_TEST)) + "\"}")
            .getBytes(StandardCharsets.UTF_8);
      } else {
        status = 404;
        body = new byte[0];
      }
      ex.sendResponseHeaders(status, body.length == 0 ? -1 : body.length);
      if (body.length > 0) {
        ex.getResponseBody().write(body);
      }
      ex.close();
    });
    server.start();
    try {
      URI base = URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/v1/rim");
      Clock clock = Clock.fixed(Instant.parse("2024-06-01T00:00:00Z"), ZoneOffset.UTC);
      RimFetcher f = new CachingRimFetcher(new NvidiaRimServiceFetcher(base, Duration.ofSeconds(5)),
          Duration.ofHours(1), clock);
      assertThat(f.fetch(DRIVER_ID)).hasValueSatisfying(
          b -> assertThat(b).isEqualTo(GpuVectors.resource(RimTest.DRIVER_TEST)));
      assertThat(f.fetch(DRIVER_ID)).isPresent();
      assertThat(f.fetch(VBIOS_ID)).isEmpty();
      assertThat(hits.get()).isEqualTo(2);
    } finally {
      server.stop(0);
    }
  }
}
