package dev.gpucc.attestation.gpu;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import com.google.protobuf.ByteString;
import dev.gpucc.attestation.EvidenceFiles;
import dev.gpucc.attestation.Hex;
import dev.gpucc.attestation.VerifyOptions;
import dev.gpucc.proto.v1.GpuEvidence;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;

/**
 * Loads the GPU test vectors (testvectors/README.md, "gpu/" and "negative/") from the classpath.
 * Shared with other modules through the attestation test-jar.
 */
public final class GpuVectors {
  /** The README's verification instant for every GPU vector and RIM. */
  public static final Instant AT = Instant.parse("2024-06-01T00:00:00Z");
  public static final String SAMPLE_NONCE =
      "931d8dd0add203ac3d8b4fbde75e115278eefcdceac5b87671a748f32364dfcb";
  public static final String GO_NVTRUST_NONCE =
      "4cff7f5380ead8fad8ec2c531c110aca4302a88f603792801a8ca29ee151af2e";
  public static final String HGX_NONCE =
      "4760e30534a0621357d458b1a7936551b5dc4cd1e69718adf7ed9fb0252a537e";
  public static final String DIR = "/testvectors/";

  private GpuVectors() {}

  public static byte[] resource(String path) {
    try (InputStream in = GpuVectors.class.getResourceAsStream(DIR + path)) {
      if (in == null) {
        throw new IllegalArgumentException("no test vector " + path);
      }
      return in.readAllBytes();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  public static byte[] report(String path) {
    return EvidenceFiles.binaryOrHex(resource(path));
  }

  public static GpuEvidence evidence(int index, String reportPath, String chainPath) {
    return GpuEvidence.newBuilder()
        .setIndex(index)
        .setArch("HOPPER")
        .setSpdm(ByteString.copyFrom(report(reportPath)))
        .setCertificateChainPem(ByteString.copyFrom(resource(chainPath)))
        .build();
  }

  public static GpuEvidence nvtrustSample() {
    return evidence(0, "gpu/h100-nvtrust-sample/hopperAttestationReport.txt",
        "gpu/h100-nvtrust-sample/hopperCertChain.txt");
  }

  public static GpuEvidence goNvtrust() {
    return evidence(0, "gpu/h100-go-nvtrust/attestationReport.txt", "gpu/h100-go-nvtrust/gpuAkCertChain.txt");
  }

  /** The 8-GPU PPCIe set, parsed from gpu_evidence.json (base64 evidence and PEM chains). */
  public static List<GpuEvidence> hgx8() {
    String json = new String(resource("gpu/hgx-8xh100-ppcie-nvtrust/gpu_evidence.json"), StandardCharsets.UTF_8);
    JsonArray arr = JsonParser.parseString(json).getAsJsonArray();
    List<GpuEvidence> out = new ArrayList<>();
    for (int i = 0; i < arr.size(); i++) {
      JsonObject o = arr.get(i).getAsJsonObject();
      out.add(GpuEvidence.newBuilder()
          .setIndex(i)
          .setArch(o.get("arch").getAsString())
          .setSpdm(ByteString.copyFrom(Base64.getDecoder().decode(o.get("evidence").getAsString())))
          .setCertificateChainPem(ByteString.copyFrom(Base64.getDecoder().decode(o.get("certificate").getAsString())))
          .setDriverVersion(o.get("driver_version").getAsString())
          .setVbiosVersion(o.get("vbios_version").getAsString())
          .build());
    }
    return out;
  }

  public static byte[] nonce(String hex) {
    return Hex.decode(hex);
  }

  public static VerifyOptions options() {
    return VerifyOptions.builder().at(AT).build();
  }
}
