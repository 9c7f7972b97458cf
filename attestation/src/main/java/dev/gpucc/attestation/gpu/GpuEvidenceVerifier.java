package dev.gpucc.attestation.gpu;

import dev.gpucc.attestation.Verdict;
import dev.gpucc.attestation.VerifyOptions;
import dev.gpucc.proto.v1.GpuEvidence;
import dev.gpucc.proto.v1.GpuPolicy;
import java.util.Optional;

/** Placeholder: rejects every Gpu evidence until the Gpu verifier lands. */
public final class GpuEvidenceVerifier {
  public GpuEvidenceVerifier(VerifyOptions options) {}

  public void verify(GpuEvidence evidence, Optional<byte[]> expectedNonce, GpuPolicy policy, Verdict.Builder out) {
    out.reject("GPU_UNSUPPORTED", "Gpu evidence verification is not available in this build");
  }
}
