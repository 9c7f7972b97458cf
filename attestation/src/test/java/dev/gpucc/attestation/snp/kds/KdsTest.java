package dev.gpucc.attestation.snp.kds;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.HttpServer;
import dev.gpucc.attestation.Hex;
import dev.gpucc.attestation.Reason;
import dev.gpucc.attestation.Verdict;
import dev.gpucc.attestation.VerifyOptions;
import dev.gpucc.attestation.snp.SnpEvidenceVerifier;
import dev.gpucc.attestation.snp.SnpVectors;
import dev.gpucc.attestation.snp.abi.SnpProductLine;
import dev.gpucc.attestation.snp.abi.SnpReport;
import dev.gpucc.attestation.snp.abi.TcbLayout;
import dev.gpucc.attestation.snp.abi.TcbVersion;
import dev.gpucc.attestation.snp.verify.SnpCertificates;
import dev.gpucc.proto.v1.SnpPolicy;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** KDS URL forms (evidence-formats §1.10) and the HTTP fetcher against a loopback server. */
class KdsTest {
  private static final String GENOA = "snp/genoa-v3-azure-hcl/";
  private HttpServer server;
  private final AtomicInteger hits = new AtomicInteger();
  private final Deque<Integer> statuses = new ArrayDeque<>();
  private volatile String lastQuery;
  private final byte[] vcekDer = der();

  private static byte[] der() {
    try {
      return SnpVectors.cert(GENOA + "vcek-genoa.pem").getEncoded();
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  @BeforeEach
  void start() throws Exception {
    server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    server.createContext("/vcek/v1/", ex -> {
      hits.incrementAndGet();
      lastQuery = ex.getRequestURI().toString();
      Integer status = statuses.isEmpty() ? 200 : statuses.poll();
      byte[] body = status == 200 ? vcekDer : new byte[0];
      ex.sendResponseHeaders(status, body.length == 0 ? -1 : body.length);
      if (body.length > 0) {
        ex.getResponseBody().write(body);
      }
      ex.close();
    });
    server.start();
  }

  @AfterEach
  void stop() {
    server.stop(0);
  }

  private KdsUrls urls() {
    return new KdsUrls(URI.create("http://127.0.0.1:" + server.getAddress().getPort()));
  }

  private HttpVcekFetcher.Builder fetcher() {
    return HttpVcekFetcher.builder().urls(urls()).initialBackoff(Duration.ofMillis(20)).totalTimeout(Duration.ofSeconds(10));
  }

  private static SnpReport genoaReport() throws Exception {
    return SnpReport.parse(SnpVectors.bytes(GENOA + "derived/snp_report.bin"));
  }

  @Test
  void vcekUrl_milanGenoaForm() throws Exception {
    SnpReport r = SnpReport.parse(SnpVectors.bytes("snp/milan-v2-virtee/derived/report_milan.bin"));
    URI u = KdsUrls.amd().vcek(SnpProductLine.MILAN, r.chipId(), r.reportedTcb());
    assertThat(u.toString()).isEqualTo("https://kdsintf.amd.com/vcek/v1/Milan/" + Hex.encode(r.chipId())
        + "?blSPL=03&teeSPL=00&snpSPL=08&ucodeSPL=115");
  }

  @Test
  void vcekUrl_turinFormUsesEightByteHwidAndFmc() {
    byte[] chip = new byte[64];
    System.arraycopy(Hex.decode("1e550a8ee5cf9f4d"), 0, chip, 0, 8);
    URI u = KdsUrls.amd().vcek(SnpProductLine.TURIN, chip, TcbVersion.of(TcbLayout.TURIN, 0, 0, 0, 0, 9));
    assertThat(u.toString()).isEqualTo(
        "https://kdsintf.amd.com/vcek/v1/Turin/1e550a8ee5cf9f4d?fmcSPL=00&blSPL=00&teeSPL=00&snpSPL=00&ucodeSPL=09");
  }

  @Test
  void chainAndCrlUrls_andMaskedChipIdRefused() {
    assertThat(KdsUrls.amd().certChain(SnpProductLine.GENOA, false).toString())
        .isEqualTo("https://kdsintf.amd.com/vcek/v1/Genoa/cert_chain");
    assertThat(KdsUrls.amd().certChain(SnpProductLine.GENOA, true).toString())
        .isEqualTo("https://kdsintf.amd.com/vlek/v1/Genoa/cert_chain");
    assertThat(KdsUrls.amd().crl(SnpProductLine.MILAN, false).toString())
        .isEqualTo("https://kdsintf.amd.com/vcek/v1/Milan/crl");
    assertThatThrownBy(() -> KdsUrls.amd().vcek(SnpProductLine.MILAN, new byte[64], TcbVersion.ofRaw(new byte[8])))
        .hasMessageContaining("masked");
  }

  @Test
  void fetch_cachedOnDisk(@TempDir Path cache) throws Exception {
    SnpReport r = genoaReport();
    HttpVcekFetcher f = fetcher().cacheDir(cache).build();
    assertThat(f.fetchVcek(SnpProductLine.GENOA, r.chipId(), r.reportedTcb()).getEncoded()).isEqualTo(vcekDer);
    assertThat(lastQuery).isEqualTo("/vcek/v1/Genoa/" + Hex.encode(r.chipId()) + "?blSPL=10&teeSPL=00&snpSPL=23&ucodeSPL=84");
    f.fetchVcek(SnpProductLine.GENOA, r.chipId(), r.reportedTcb());
    fetcher().cacheDir(cache).build().fetchVcek(SnpProductLine.GENOA, r.chipId(), r.reportedTcb());
    assertThat(hits).hasValue(1);
  }

  @Test
  void fetch_retriesOn503And429() throws Exception {
    statuses.addAll(List.of(503, 429));
    SnpReport r = genoaReport();
    fetcher().build().fetchVcek(SnpProductLine.GENOA, r.chipId(), r.reportedTcb());
    assertThat(hits).hasValue(3);
  }

  @Test
  void fetch_404_failsWithoutRetry() throws Exception {
    statuses.add(404);
    SnpReport r = genoaReport();
    assertThatThrownBy(() -> fetcher().build().fetchVcek(SnpProductLine.GENOA, r.chipId(), r.reportedTcb()))
        .isInstanceOf(VcekFetcher.KdsException.class).hasMessageContaining("HTTP 404");
    assertThat(hits).hasValue(1);
  }

  @Test
  void fetch_totalTimeoutBoundsRetries() throws Exception {
    for (int i = 0; i < 1000; i++) {
      statuses.add(503);
    }
    SnpReport r = genoaReport();
    Instant t0 = Instant.now();
    assertThatThrownBy(() -> fetcher().maxAttempts(1000).initialBackoff(Duration.ofMillis(50))
        .totalTimeout(Duration.ofMillis(400)).build().fetchVcek(SnpProductLine.GENOA, r.chipId(), r.reportedTcb()))
        .hasMessageContaining("failed within PT0.4S");
    assertThat(Duration.between(t0, Instant.now())).isLessThan(Duration.ofSeconds(5));
    assertThat(hits.get()).isBetween(0, 10);
  }

  private Verdict verify(VcekFetcher f, String report) {
    Verdict.Builder out = Verdict.builder();
    new SnpEvidenceVerifier(VerifyOptions.builder().at(SnpVectors.AT).build(), f)
        .verify(SnpVectors.bytes(report), SnpCertificates.none(), List.of(), Optional.empty(),
            SnpPolicy.newBuilder().setAllowDebug(true).build(), out);
    return out.build();
  }

  @Test
  void verifier_fetchesMissingVcekOnlyThroughGivenFetcher() {
    Verdict v = verify(fetcher().build(), GENOA + "derived/snp_report.bin");
    assertThat(v.reasons()).isEmpty();
    assertThat(v.claims()).containsEntry("snp.vek_source", "KDS").containsEntry("snp.root", "ARK-Genoa (AMD)");
    statuses.add(404);
    assertThat(verify(fetcher().build(), GENOA + "derived/snp_report.bin").reasons()).extracting(Reason::code)
        .containsExactly("SNP_VEK_FETCH_FAILED");
    // version 2: no CPUID, so no product line for the lookup
    assertThat(verify(fetcher().build(), "snp/milan-v2-go-sev-guest/attestation.bin").reasons())
        .extracting(Reason::code).containsExactly("SNP_VEK_MISSING");
  }
}
