package dev.gpucc.client.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gpucc.attestation.Digests;
import dev.gpucc.attestation.Hex;
import dev.gpucc.attestation.SimulatedRoots;
import dev.gpucc.attestation.snp.abi.SnpProductLine;
import dev.gpucc.attestation.snp.kds.KdsUrls;
import dev.gpucc.attestation.snp.sim.SimulatedAmdAuthority;
import dev.gpucc.proto.v1.SnpEvidence;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A CRL cached next to the VCEKs is applied offline: a revoked ASK rejects the report. */
class VerifySnpCachedCrlTest {
  @TempDir Path dir;

  @Test
  void cachedCrlRevokingTheAsk_rejects() throws Exception {
    SimulatedAmdAuthority amd = SimulatedAmdAuthority.generate(SnpProductLine.MILAN);
    SnpEvidence ev = amd.attest(new byte[64]);
    Path report = dir.resolve("report.bin");
    Path table = dir.resolve("certs.bin");
    Files.write(report, ev.getReport().toByteArray());
    Files.write(table, ev.getCertTable().toByteArray());
    Path policy = dir.resolve("policy.json");
    Files.writeString(policy, "{\"allowSimulated\": true, \"simulatedRootSha256\": [\"" + SimulatedRoots.sha256Hex(amd.ark()) + "\"]}");
    Path cache = Files.createDirectories(dir.resolve("cache"));
    String[] args = {"verify", "snp", "--report", report.toString(), "--cert-table", table.toString(),
        "--vcek-cache", cache.toString(), "--policy", policy.toString(), "--json"};

    StringWriter out = new StringWriter();
    assertThat(GpuccCli.run(args, new PrintWriter(out, true), new PrintWriter(new StringWriter(), true)))
        .as(out.toString()).isEqualTo(ExitCodes.OK);

    Instant now = Instant.now();
    byte[] crl = amd.crl(now.minus(Duration.ofHours(1)), now.plus(Duration.ofDays(7)), List.of(amd.ask()));
    String uri = KdsUrls.amd().crl(SnpProductLine.MILAN, false).toString();
    Files.write(cache.resolve(Hex.encode(Digests.sha256(uri.getBytes(StandardCharsets.UTF_8))) + ".der"), crl);

    out = new StringWriter();
    assertThat(GpuccCli.run(args, new PrintWriter(out, true), new PrintWriter(new StringWriter(), true)))
        .isEqualTo(ExitCodes.REJECTED);
    assertThat(out.toString()).contains("SNP_CERT_REVOKED");
  }
}
