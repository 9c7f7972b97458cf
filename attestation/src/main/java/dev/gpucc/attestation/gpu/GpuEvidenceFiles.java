package dev.gpucc.attestation.gpu;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import com.google.protobuf.ByteString;
import dev.gpucc.attestation.EvidenceFiles;
import dev.gpucc.attestation.EvidenceFormatException;
import dev.gpucc.attestation.Hex;
import dev.gpucc.proto.v1.GpuEvidence;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;

/**
 * Lower-level entry for raw files as other tools write them: one SPDM report (binary or hex text,
 * as nvtrust's {@code attestationReport}) with a PEM chain, or nvtrust's multi-GPU
 * {@code gpu_evidence.json} (array of {arch, certificate: base64 PEM, evidence: base64 SPDM,
 * nonce: hex, driver_version, vbios_version}). The result goes to {@link GpuEvidenceVerifier}.
 */
public final class GpuEvidenceFiles {
  private GpuEvidenceFiles() {}

  public static GpuEvidence read(int index, Path spdmFile, Path chainPem) throws IOException {
    return fromBytes(index, EvidenceFiles.readBinaryOrHex(spdmFile), Files.readAllBytes(chainPem));
  }

  public static GpuEvidence fromBytes(int index, byte[] spdm, byte[] chainPem) {
    return GpuEvidence.newBuilder()
        .setIndex(index)
        .setArch("HOPPER")
        .setSpdm(ByteString.copyFrom(spdm))
        .setCertificateChainPem(ByteString.copyFrom(chainPem))
        .build();
  }

  /** Parses nvtrust's gpu_evidence.json; entries get indices 0..n-1 in file order. */
  public static List<GpuEvidence> parseNvtrustJson(byte[] json) throws EvidenceFormatException {
    try {
      JsonArray arr = JsonParser.parseString(new String(json, StandardCharsets.UTF_8)).getAsJsonArray();
      List<GpuEvidence> out = new ArrayList<>();
      for (int i = 0; i < arr.size(); i++) {
        JsonObject o = arr.get(i).getAsJsonObject();
        GpuEvidence.Builder b = GpuEvidence.newBuilder()
            .setIndex(i)
            .setArch(text(o, "arch", "HOPPER"))
            .setSpdm(ByteString.copyFrom(Base64.getMimeDecoder().decode(text(o, "evidence", ""))))
            .setCertificateChainPem(ByteString.copyFrom(Base64.getMimeDecoder().decode(text(o, "certificate", ""))))
            .setDriverVersion(text(o, "driver_version", ""))
            .setVbiosVersion(text(o, "vbios_version", ""));
        String nonce = text(o, "nonce", "");
        if (!nonce.isEmpty()) {
          b.setNonce(ByteString.copyFrom(Hex.decode(nonce)));
        }
        out.add(b.build());
      }
      return out;
    } catch (RuntimeException e) {
      throw new EvidenceFormatException("GPU_EVIDENCE_JSON_MALFORMED",
          "not an nvtrust gpu_evidence.json array: " + e.getMessage());
    }
  }

  private static String text(JsonObject o, String key, String dflt) {
    JsonElement e = o.get(key);
    return e == null || e.isJsonNull() ? dflt : e.getAsString();
  }
}
