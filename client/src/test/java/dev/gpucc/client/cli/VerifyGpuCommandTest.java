package dev.gpucc.client.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import dev.gpucc.attestation.gpu.GpuVectors;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code gpucc verify gpu} on the real vectors: exit codes, JSON shape, reasons. */
class VerifyGpuCommandTest {
  private static final String AT = "2024-06-01T00:00:00Z";
  @TempDir Path dir;
  private final StringWriter out = new StringWriter();
  private final StringWriter err = new StringWriter();

  private Path file(String vector) throws IOException {
    Path p = dir.resolve(vector.replace('/', '_'));
    Files.write(p, GpuVectors.resource(vector));
    return p;
  }

  private int run(String... args) {
    return GpuccCli.run(args, new PrintWriter(out, true), new PrintWriter(err, true));
  }

  private JsonObject json() {
    return JsonParser.parseString(out.toString()).getAsJsonObject();
  }

  @Test
  void nvtrustSample_accepted_json() throws IOException {
    int code = run("verify", "gpu", "--evidence", file("gpu/h100-nvtrust-sample/hopperAttestationReport.txt").toString(),
        "--certs", file("gpu/h100-nvtrust-sample/hopperCertChain.txt").toString(),
        "--nonce", GpuVectors.SAMPLE_NONCE, "--at", AT, "--json");
    assertThat(code).as(err.toString()).isEqualTo(0);
    JsonObject j = json();
    assertThat(j.get("verdict").getAsString()).isEqualTo("ACCEPTED");
    assertThat(j.get("simulated").getAsBoolean()).isFalse();
    assertThat(j.getAsJsonObject("claims").get("gpu0.vbios_version").getAsString()).isEqualTo("96.00.9F.00.01");
  }

  @Test
  void goNvtrust_withRims_match_binaryEvidence() throws IOException {
    int code = run("verify", "gpu", "--evidence", file("gpu/h100-go-nvtrust/derived/attestationReport.bin").toString(),
        "--certs", file("gpu/h100-go-nvtrust/gpuAkCertChain.txt").toString(),
        "--nonce", GpuVectors.GO_NVTRUST_NONCE, "--at", AT,
        "--rim", file("gpu/rims/1010_0200_882_96005E0001_test_no_gpu.swidtag").toString(),
        "--rim", file("gpu/rims/Driver_RIM_test_no_gpu.swidtag").toString(), "--json");
    assertThat(code).as(out.toString()).isEqualTo(0);
    assertThat(json().getAsJsonObject("claims").get("gpu0.rim").getAsString()).startsWith("MATCH");
  }

  @Test
  void goNvtrust_prodRim_mismatch_exit1() throws IOException {
    int code = run("verify", "gpu", "--evidence", file("gpu/h100-go-nvtrust/attestationReport.txt").toString(),
        "--certs", file("gpu/h100-go-nvtrust/gpuAkCertChain.txt").toString(), "--at", AT,
        "--rim", file("gpu/rims/1010_0200_882_96005E0001_PROD.swidtag").toString(),
        "--rim", file("gpu/rims/Driver_RIM_test_no_gpu.swidtag").toString(), "--json");
    assertThat(code).isEqualTo(1);
    assertThat(json().getAsJsonArray("reasons").get(0).getAsJsonObject().get("code").getAsString())
        .isEqualTo("GPU_RIM_MISMATCH");
  }

  @Test
  void rimAt2026_rejected() throws IOException {
    int code = run("verify", "gpu", "--evidence", file("gpu/h100-go-nvtrust/attestationReport.txt").toString(),
        "--certs", file("gpu/h100-go-nvtrust/gpuAkCertChain.txt").toString(), "--at", "2026-01-01",
        "--rim", file("gpu/rims/1010_0200_882_96005E0001_PROD.swidtag").toString(), "--json");
    assertThat(code).isEqualTo(1);
    assertThat(out.toString()).contains("GPU_RIM_CERT_EXPIRED").contains("HCC RIM L4 Signer");
  }

  @Test
  void bitflip_rejected_signatureInvalid() throws IOException {
    int code = run("verify", "gpu", "--evidence", file("negative/gpu-measurement-bitflip/hopperAttestationReport.txt").toString(),
        "--certs", file("gpu/h100-nvtrust-sample/hopperCertChain.txt").toString(), "--at", AT);
    assertThat(code).isEqualTo(1);
    assertThat(out.toString()).contains("REJECTED").contains("[GPU_SIGNATURE_INVALID]");
  }

  @Test
  void truncated_rejectedNotUsage() throws IOException {
    int code = run("verify", "gpu", "--evidence", file("negative/gpu-truncated/hopperAttestationReport.txt").toString(),
        "--certs", file("gpu/h100-nvtrust-sample/hopperCertChain.txt").toString(), "--at", AT, "--json");
    assertThat(code).isEqualTo(1);
    assertThat(out.toString()).contains("GPU_EVIDENCE_TRUNCATED");
  }

  @Test
  void wrongNonce_rejected() throws IOException {
    int code = run("verify", "gpu", "--evidence", file("gpu/h100-nvtrust-sample/hopperAttestationReport.txt").toString(),
        "--certs", file("gpu/h100-nvtrust-sample/hopperCertChain.txt").toString(), "--at", AT,
        "--nonce", "00".repeat(32), "--json");
    assertThat(code).isEqualTo(1);
    assertThat(out.toString()).contains("GPU_NONCE_MISMATCH");
  }

  @Test
  void invalidCertChain_rejected() throws IOException {
    int code = run("verify", "gpu", "--evidence", file("gpu/h100-go-nvtrust/attestationReport.txt").toString(),
        "--certs", file("negative/repo-provided/invalidCertChain.txt").toString(), "--at", AT, "--json");
    assertThat(code).isEqualTo(1);
    assertThat(out.toString()).contains("GPU_CHAIN_BROKEN");
  }

  @Test
  void policyFile_versionViolation_rejected() throws IOException {
    Path policy = dir.resolve("policy.json");
    Files.writeString(policy, "{\"gpu\": {\"driverVersions\": [\"590.12\"]}}");
    int code = run("verify", "gpu", "--evidence", file("gpu/h100-nvtrust-sample/hopperAttestationReport.txt").toString(),
        "--certs", file("gpu/h100-nvtrust-sample/hopperCertChain.txt").toString(), "--at", AT,
        "--policy", policy.toString(), "--json");
    assertThat(code).isEqualTo(1);
    assertThat(out.toString()).contains("GPU_POLICY_DRIVER_VERSION");
  }

  @Test
  void hgx8_derivedFiles_eachAccepted() throws IOException {
    for (int i = 0; i < 8; i++) {
      out.getBuffer().setLength(0);
      int code = run("verify", "gpu", "--index", String.valueOf(i),
          "--evidence", file("gpu/hgx-8xh100-ppcie-nvtrust/derived/gpu" + i + "_report.hex").toString(),
          "--certs", file("gpu/hgx-8xh100-ppcie-nvtrust/derived/gpu" + i + "_certchain.pem").toString(),
          "--nonce", GpuVectors.HGX_NONCE, "--at", AT, "--json");
      assertThat(code).as("gpu %d: %s", i, out).isEqualTo(0);
      assertThat(json().getAsJsonObject("claims").get("gpu" + i + ".project").getAsString()).isEqualTo("G520");
    }
  }

  @Test
  void rimDir_byId_match() throws IOException {
    Path rims = Files.createDirectory(dir.resolve("rims"));
    Files.write(rims.resolve("NV_GPU_DRIVER_GH100_545.00.swidtag"), GpuVectors.resource("gpu/rims/Driver_RIM_test_no_gpu.swidtag"));
    Files.write(rims.resolve("NV_GPU_VBIOS_1010_0200_882_96005E0001.swidtag"),
        GpuVectors.resource("gpu/rims/1010_0200_882_96005E0001_test_no_gpu.swidtag"));
    Path policy = dir.resolve("policy.json");
    Files.writeString(policy, "{\"gpu\": {\"requireRimMatch\": true}}");
    int code = run("verify", "gpu", "--evidence", file("gpu/h100-go-nvtrust/attestationReport.txt").toString(),
        "--certs", file("gpu/h100-go-nvtrust/gpuAkCertChain.txt").toString(), "--at", AT,
        "--rim-dir", rims.toString(), "--policy", policy.toString(), "--json");
    assertThat(code).as(out.toString()).isEqualTo(0);
    assertThat(json().getAsJsonObject("claims").get("gpu0.rim").getAsString()).startsWith("MATCH");
  }

  @Test
  void rootOnlyChain_rejected() throws IOException {
    int code = run("verify", "gpu", "--evidence", file("gpu/h100-nvtrust-sample/hopperAttestationReport.txt").toString(),
        "--certs", file("negative/repo-provided/hopper_cert_chain_case2.txt").toString(), "--at", AT, "--json");
    assertThat(code).isEqualTo(1);
    assertThat(out.toString()).contains("GPU_SIGNATURE_INVALID");
  }

  @Test
  void usageErrors_exit2() throws IOException {
    assertThat(run("verify", "gpu", "--certs", "x")).isEqualTo(2);
    assertThat(run("verify", "gpu", "--evidence", dir.resolve("missing").toString(), "--certs", "x")).isEqualTo(2);
    assertThat(err.toString()).contains("--evidence: file not found");
    assertThat(run("verify", "gpu", "--evidence", file("gpu/h100-nvtrust-sample/hopperAttestationReport.txt").toString(),
        "--certs", file("gpu/h100-nvtrust-sample/hopperCertChain.txt").toString(), "--nonce", "abcd")).isEqualTo(2);
    Path bad = dir.resolve("bad.json");
    Files.writeString(bad, "{\"gpu\": {\"noSuchKey\": 1}}");
    assertThat(run("verify", "gpu", "--evidence", file("gpu/h100-nvtrust-sample/hopperAttestationReport.txt").toString(),
        "--certs", file("gpu/h100-nvtrust-sample/hopperCertChain.txt").toString(), "--policy", bad.toString())).isEqualTo(2);
  }
}
