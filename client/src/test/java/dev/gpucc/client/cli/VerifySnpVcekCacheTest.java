package dev.gpucc.client.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gpucc.attestation.Digests;
import dev.gpucc.attestation.Hex;
import dev.gpucc.attestation.CertificateFiles;
import dev.gpucc.attestation.snp.abi.SnpProductLine;
import dev.gpucc.attestation.snp.abi.SnpReport;
import dev.gpucc.attestation.snp.kds.KdsUrls;
import java.io.InputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** `gpucc verify snp` without --vcek takes the VCEK from the cache, offline, and never fetches implicitly. */
class VerifySnpVcekCacheTest {
  @TempDir Path dir;

  static byte[] vector(String path) throws Exception {
    try (InputStream in = VerifySnpVcekCacheTest.class.getResourceAsStream("/testvectors/" + path)) {
      return in.readAllBytes();
    }
  }

  static int run(StringWriter out, StringWriter err, String... args) {
    return GpuccCli.run(args, new PrintWriter(out, true), new PrintWriter(err, true));
  }

  @Test
  void genoaReport_verifiesWithVcekFromCache_andMissingEntryIsAUsageError() throws Exception {
    Path report = dir.resolve("genoa.bin");
    Files.write(report, vector("snp/genoa-v3-azure-hcl/derived/snp_report.bin"));
    Path cache = Files.createDirectories(dir.resolve("cache"));
    String[] args = {"verify", "snp", "--report", report.toString(), "--vcek-cache", cache.toString(),
        "--at", "2025-06-01T00:00:00Z", "--json"};

    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    assertThat(run(out, err, args)).isEqualTo(ExitCodes.USAGE);
    assertThat(err.toString()).contains("--vcek-cache DIR holding it").contains("never fetches implicitly");

    SnpReport r = SnpReport.parse(Files.readAllBytes(report));
    String uri = KdsUrls.amd().vcek(SnpProductLine.GENOA, r.chipId(), r.reportedTcb()).toString();
    byte[] der = CertificateFiles.parseOne(vector("snp/genoa-v3-azure-hcl/vcek-genoa.pem")).getEncoded();
    Files.write(cache.resolve(Hex.encode(Digests.sha256(uri.getBytes(StandardCharsets.UTF_8))) + ".der"), der);

    out = new StringWriter();
    err = new StringWriter();
    assertThat(run(out, err, args)).as(out + " " + err).isEqualTo(ExitCodes.OK);
    assertThat(out.toString()).contains("\"verdict\": \"ACCEPTED\"");
  }
}
