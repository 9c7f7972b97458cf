package dev.gpucc.client.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class VerifySnpCommandTest {
  private final StringWriter out = new StringWriter();
  private final StringWriter err = new StringWriter();

  private int run(String... args) {
    return GpuccCli.run(args, new PrintWriter(out, true), new PrintWriter(err, true));
  }

  @TempDir static Path vectors;

  /** Copies a vector out of the attestation test-jar (a jar: URL is no file path). */
  static String vector(String path) {
    try (InputStream in = VerifySnpCommandTest.class.getResourceAsStream("/testvectors/" + path)) {
      if (in == null) {
        throw new IllegalStateException("missing test vector " + path);
      }
      Path file = vectors.resolve(path);
      Files.createDirectories(file.getParent());
      Files.write(file, in.readAllBytes());
      return file.toString();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @Test
  void milanVirteeHexReport_accepted_exit0() {
    int code = run("verify", "snp", "--report", vector("snp/milan-v2-virtee/report_milan.hex"),
        "--vcek", vector("snp/milan-v2-virtee/vcek_milan.der"),
        "--chain", vector("snp/milan-v2-virtee/cert_chain_milan"), "--at", "2025-06-01T00:00:00Z", "--json");
    assertThat(code).as(out + "" + err).isEqualTo(0);
    assertThat(out.toString()).contains("\"verdict\": \"ACCEPTED\"").contains("\"snp.root\": \"ARK-Milan (AMD)\"");
  }

  @Test
  void goSevGuest_debugRejected_exit1_andReportDataChecked() {
    int code = run("verify", "snp", "--report", vector("snp/milan-v2-go-sev-guest/attestation.bin"),
        "--vcek", vector("snp/milan-v2-go-sev-guest/vcek.testcer"), "--at", "2025-06-01",
        "--report-data", "01".repeat(64));
    assertThat(code).isEqualTo(1);
    assertThat(out.toString()).contains("REJECTED").contains("SNP_POLICY_DEBUG").contains("SNP_REPORT_DATA_MISMATCH");
  }

  @Test
  void policyAllowDebug_accepted(@TempDir Path tmp) throws Exception {
    Path policy = tmp.resolve("p.json");
    Files.writeString(policy, "{\"snp\": {\"allowDebug\": true}, \"verificationTime\": \"2025-06-01T00:00:00Z\"}");
    int code = run("verify", "snp", "--report", vector("snp/milan-v2-go-sev-guest/attestation.bin"),
        "--vcek", vector("snp/milan-v2-go-sev-guest/vcek.testcer"), "--policy", policy.toString());
    assertThat(code).as(out.toString()).isEqualTo(0);
  }

  @Test
  void vlekExpired_exit1() {
    int code = run("verify", "snp", "--report", vector("snp/milan-v3-vlek-trustee/test-vlek-report.bin"),
        "--vcek", vector("snp/milan-v3-vlek-trustee/test-vlek.der"),
        "--chain", vector("roots/amd-milan/ask_ark_milan_vlek.pem"), "--at", "2026-01-01T00:00:00Z", "--json");
    assertThat(code).isEqualTo(1);
    assertThat(out.toString()).contains("SNP_CERT_EXPIRED");
  }

  @Test
  void truncatedReport_rejected_exit1() {
    int code = run("verify", "snp", "--report", vector("negative/snp-truncated/attestation.bin"),
        "--vcek", vector("snp/milan-v2-go-sev-guest/vcek.testcer"), "--json");
    assertThat(code).isEqualTo(1);
    assertThat(out.toString()).contains("SNP_REPORT_SIZE");
  }

  @Test
  void swappedVcek_exit1() {
    int code = run("verify", "snp", "--report", vector("negative/snp-swapped-vcek/attestation.bin"),
        "--vcek", vector("negative/snp-swapped-vcek/vcek_milan.der"), "--at", "2025-06-01");
    assertThat(code).isEqualTo(1);
    assertThat(out.toString()).contains("SNP_SIGNATURE_INVALID").contains("SNP_HWID_MISMATCH").contains("SNP_TCB_MISMATCH");
  }

  @Test
  void missingFile_exit2() {
    int code = run("verify", "snp", "--report", "/nonexistent/report.bin");
    assertThat(code).isEqualTo(2);
    assertThat(err.toString()).contains("--report: file not found");
  }

  @Test
  void noVcek_exit2() {
    int code = run("verify", "snp", "--report", vector("snp/milan-v2-virtee/report_milan.hex"));
    assertThat(code).isEqualTo(2);
    assertThat(err.toString()).contains("no VCEK/VLEK certificate");
  }

  @Test
  void badFlagValues_exit2() {
    assertThat(run("verify", "snp", "--report", vector("snp/milan-v2-virtee/report_milan.hex"),
        "--vcek", vector("snp/milan-v2-virtee/vcek_milan.der"), "--report-data", "abc")).isEqualTo(2);
    assertThat(run("verify", "snp", "--report", vector("snp/milan-v2-virtee/report_milan.hex"),
        "--vcek", vector("snp/milan-v2-virtee/vcek_milan.der"), "--at", "yesterday")).isEqualTo(2);
    assertThat(run("verify", "snp", "--report", vector("snp/milan-v2-virtee/report_milan.hex"),
        "--vcek", vector("snp/milan-v2-virtee/report_milan.hex"))).isEqualTo(2);
    assertThat(run("verify", "snp", "--bogus")).isEqualTo(2);
  }
}
