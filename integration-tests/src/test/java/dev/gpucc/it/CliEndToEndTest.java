package dev.gpucc.it;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gpucc.attestation.policy.Policies;
import dev.gpucc.client.cli.GpuccCli;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The gpucc command as a user runs it: output, JSON and exit codes. */
class CliEndToEndTest {
  @TempDir Path dir;

  record Run(int code, String out, String err) {}

  static Run gpucc(String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    int code = GpuccCli.run(args, new PrintWriter(out, true), new PrintWriter(err, true));
    return new Run(code, out.toString(), err.toString());
  }

  @Test
  void demo_isAcceptedAndSaysSimulated() {
    Run r = gpucc("demo", "--bits", "256");
    assertThat(r.code()).as(r.out() + r.err()).isZero();
    assertThat(r.out()).contains("VERDICT: ACCEPTED").contains("SIMULATED");
    assertThat(r.err()).contains("embedded gpucc server");
  }

  @Test
  void demoJson_hasVerdictReasonsClaims() {
    Run r = gpucc("demo", "--bits", "128", "--json");
    assertThat(r.code()).isZero();
    assertThat(r.out()).contains("\"verdict\": \"ACCEPTED\"").contains("\"reasons\"").contains("\"claims\"")
        .contains("\"product_checked_locally\": true");
  }

  @Test
  void demoReceipt_verifiesOfflineWithOutputs_andRejectsOtherOutputs() throws Exception {
    try (SimulatedServer s = new SimulatedServer()) {
      Path policy = dir.resolve("policy.json");
      Files.writeString(policy, Policies.toJson(s.policy()));
      Path receipt = dir.resolve("job.receipt");
      Run demo = gpucc("demo", "--bits", "128", "--target", "127.0.0.1:" + s.port(), "--policy", policy.toString(),
          "--receipt", receipt.toString());
      assertThat(demo.code()).as(demo.out() + demo.err()).isZero();
      Run ok = gpucc("verify", "receipt", receipt.toString(), "--policy", policy.toString());
      assertThat(ok.code()).as(ok.out()).isZero();
      assertThat(ok.out()).contains("ACCEPTED");
      Path wrong = dir.resolve("wrong.bin");
      Files.write(wrong, new byte[] {1, 2, 3});
      Run bad = gpucc("verify", "receipt", receipt.toString(), "--policy", policy.toString(), "--outputs", wrong.toString(), "--json");
      assertThat(bad.code()).isEqualTo(1);
      assertThat(bad.out()).contains("RECEIPT_OUTPUT_MISMATCH");
      Run strict = gpucc("verify", "receipt", receipt.toString());
      assertThat(strict.code()).isEqualTo(1);
      assertThat(strict.out()).contains("SIMULATED_NOT_ALLOWED");
    }
  }

  @Test
  void submit_runsCatalogKernelsOnAttestedServer_andSavesReceipt() throws Exception {
    try (SimulatedServer s = new SimulatedServer()) {
      Path policy = dir.resolve("policy.json");
      Files.writeString(policy, Policies.toJson(s.policy()));
      Path receipt = dir.resolve("sha.receipt");
      Path outDir = dir.resolve("out");
      Run r = gpucc("submit", "sha256-batch", "--generate", "--message-bytes", "64", "--count", "8", "--seed", "7",
          "--target", "127.0.0.1:" + s.port(), "--policy", policy.toString(), "--receipt", receipt.toString(),
          "--output-dir", outDir.toString());
      assertThat(r.code()).as(r.out() + r.err()).isZero();
      assertThat(r.out()).contains("verdict: ACCEPTED (SIMULATED");
      assertThat(r.err()).contains("progress:");
      Run v = gpucc("verify", "receipt", receipt.toString(), "--policy", policy.toString(), "--outputs",
          outDir.resolve("output-0.bin").toString());
      assertThat(v.code()).as(v.out()).isZero();

      Run json = gpucc("submit", "reduce-sum", "--generate", "--size", "16", "--seed", "1", "--json",
          "--target", "127.0.0.1:" + s.port(), "--policy", policy.toString());
      assertThat(json.code()).as(json.out() + json.err()).isZero();
      assertThat(json.out()).contains("\"kernel\": \"reduce-sum\"").contains("\"sha256\"").contains("\"hex\"");

      Run strict = gpucc("submit", "vector-add", "--generate", "--size", "16", "--target", "127.0.0.1:" + s.port());
      assertThat(strict.code()).isEqualTo(1);
      assertThat(s.count("SubmitJob")).isEqualTo(2);
    }
  }

  @Test
  void exitCodes_distinguishUsageConnectionAndRejection() throws Exception {
    assertThat(gpucc("demo", "--bits", "abc").code()).isEqualTo(2);
    assertThat(gpucc("verify", "receipt", dir.resolve("missing").toString()).code()).isEqualTo(2);
    int freePort;
    try (ServerSocket ss = new ServerSocket(0)) {
      freePort = ss.getLocalPort();
    }
    Run noServer = gpucc("attest", "--target", "127.0.0.1:" + freePort);
    assertThat(noServer.code()).as(noServer.err()).isEqualTo(3);
    assertThat(noServer.err()).contains("cannot reach the server").doesNotContain("Exception\n\tat");
    try (SimulatedServer s = new SimulatedServer()) {
      Run rejected = gpucc("attest", "--target", "127.0.0.1:" + s.port(), "--json");
      assertThat(rejected.code()).isEqualTo(1);
      assertThat(rejected.out()).contains("SIMULATED_NOT_ALLOWED");
      Run caps = gpucc("capabilities", "--target", "127.0.0.1:" + s.port());
      assertThat(caps.code()).isZero();
      assertThat(caps.out()).contains("prime-multiply").contains("SIMULATED");
    }
  }
}
