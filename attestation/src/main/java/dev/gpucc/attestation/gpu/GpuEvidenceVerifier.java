package dev.gpucc.attestation.gpu;

import dev.gpucc.attestation.Verdict;
import dev.gpucc.attestation.VerifyOptions;
import dev.gpucc.attestation.gpu.validate.GpuPolicyValidator;
import dev.gpucc.proto.v1.GpuEvidence;
import dev.gpucc.proto.v1.GpuPolicy;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Verifies NVIDIA GPU evidence (SPDM 1.1 measurements report plus certificate chain) and
 * validates it against a {@link GpuPolicy}; docs/GPU-ATTESTATION.md lists every check.
 *
 * <p>In order, for each GPU: parse (evidence-formats §4.2-4.4), nonce = the REQUEST nonce
 * (§5.4 pitfalls), leaf signature (§4.5), chain to the pinned NVIDIA Device Identity CA or an
 * allowed simulated root (§4.6), FWID binding (§4.6), NVML version strings vs the signed opaque
 * data, OCSP (§4.7, only with a checker), RIM comparison (§4.8, only with RIMs), policy.
 *
 * <p>Never throws for bad evidence: every problem becomes a {@link dev.gpucc.attestation.Reason}
 * with a stable code in {@code out}, and checks keep going so that all problems are reported.
 * Claims are prefixed {@code gpu<index>.}. Thread-safe (immutable).
 */
public final class GpuEvidenceVerifier {
  private final VerifyOptions options;
  private final GpuCollateralSources sources;

  public GpuEvidenceVerifier(VerifyOptions options) {
    this(options, GpuCollateralSources.offline());
  }

  public GpuEvidenceVerifier(VerifyOptions options, GpuCollateralSources sources) {
    this.options = Objects.requireNonNull(options, "options");
    this.sources = Objects.requireNonNull(sources, "sources");
  }

  /**
   * Verifies one GPU's evidence.
   *
   * @param expectedNonce the 32-byte nonce the verifier expects in the SPDM request (the GPU
   *     nonce derived by the transcript rules); empty = not checked, reported as a warning
   */
  public void verify(
      GpuEvidence evidence, Optional<byte[]> expectedNonce, GpuPolicy policy, Verdict.Builder out) {
    Objects.requireNonNull(evidence, "evidence");
    Objects.requireNonNull(expectedNonce, "expectedNonce");
    Objects.requireNonNull(policy, "policy");
    Objects.requireNonNull(out, "out");
    String prefix = "gpu" + evidence.getIndex() + ".";
    try {
      new GpuEvidenceCheck(options, sources, evidence, expectedNonce, policy, prefix, out).run();
    } catch (RuntimeException e) {
      // A bug or a provider failure must never let evidence through, nor escape as an exception.
      out.reject(
          "GPU_VERIFIER_ERROR",
          prefix + " internal error while verifying GPU evidence: " + e.getClass().getSimpleName()
              + (e.getMessage() == null ? "" : ": " + e.getMessage()));
    }
  }

  /**
   * Verifies every GPU's evidence (all with the same expected nonce) and the policy's GPU-count
   * rules (require_gpu, gpu_count, distinct indices).
   */
  public void verifyAll(
      List<GpuEvidence> evidence,
      Optional<byte[]> expectedNonce,
      GpuPolicy policy,
      Verdict.Builder out) {
    out.claim("gpu.count", evidence.size());
    GpuPolicyValidator.validateCount(evidence, policy).forEach(out::reject);
    for (GpuEvidence e : evidence) {
      verify(e, expectedNonce, policy, out);
    }
  }
}
