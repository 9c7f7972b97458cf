package dev.gpucc.attestation;

import dev.gpucc.attestation.gpu.GpuEvidenceVerifier;
import dev.gpucc.attestation.gpu.validate.GpuPolicyValidator;
import dev.gpucc.attestation.snp.SnpEvidenceVerifier;
import dev.gpucc.attestation.tdx.TdxEvidenceVerifier;
import dev.gpucc.proto.v1.Evidence;
import dev.gpucc.proto.v1.GpuEvidence;
import dev.gpucc.proto.v1.GpuPolicy;
import dev.gpucc.proto.v1.Policy;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.function.IntFunction;

/**
 * Verifies one {@link Evidence} bundle: the CPU TEE's evidence against the expected REPORT_DATA,
 * and every GPU's evidence against its expected nonce, each by the verifier of its kind, then the
 * checks that concern the bundle as a whole (which TEE, how many GPUs).
 */
public final class EvidenceVerifier {
  private final VerifyOptions options;

  public EvidenceVerifier(VerifyOptions options) {
    this.options = options;
  }

  /** Options for a policy: its simulated-root settings and verification time, BC provider. */
  public static VerifyOptions optionsFor(Policy policy, Instant defaultInstant) {
    Instant at = defaultInstant;
    if (!policy.getVerificationTime().isEmpty()) {
      at = Instant.parse(policy.getVerificationTime());
    }
    return VerifyOptions.builder()
        .at(at)
        .allowSimulatedAcknowledgingNoHardwareProtection(policy.getAllowSimulated())
        .simulatedRootSha256(java.util.Set.copyOf(policy.getSimulatedRootSha256List()))
        .build();
  }

  /**
   * @param expectedReportData the 64 bytes the CPU evidence must carry
   * @param expectedGpuNonce the 32-byte nonce GPU evidence number {@code i} must carry
   */
  public void verify(
      Evidence evidence,
      byte[] expectedReportData,
      IntFunction<byte[]> expectedGpuNonce,
      Policy policy,
      Verdict.Builder out) {
    switch (evidence.getCpuCase()) {
      case SNP -> {
        checkTeeAllowed("SEV_SNP", policy, out);
        out.claim("tee", "SEV-SNP");
        new SnpEvidenceVerifier(options)
            .verify(evidence.getSnp(), Optional.of(expectedReportData), policy.getSnp(), out);
      }
      case TDX -> {
        checkTeeAllowed("TDX", policy, out);
        out.claim("tee", "TDX");
        new TdxEvidenceVerifier(options)
            .verify(evidence.getTdx(), Optional.of(expectedReportData), policy.getTdx(), out);
      }
      default -> out.reject("CPU_EVIDENCE_MISSING", "no CPU TEE evidence (SNP report or TDX quote) was provided");
    }
    verifyGpus(evidence.getGpusList(), expectedGpuNonce, policy.getGpu(), out);
  }

  private void verifyGpus(
      List<GpuEvidence> gpus, IntFunction<byte[]> expectedNonce, GpuPolicy policy, Verdict.Builder out) {
    out.claim("gpu.count", gpus.size());
    // The count rules (require_gpu, gpu_count, distinct indices) live with the GPU policy.
    GpuPolicyValidator.validateCount(gpus, policy).forEach(out::reject);
    GpuEvidenceVerifier verifier = new GpuEvidenceVerifier(options);
    for (int i = 0; i < gpus.size(); i++) {
      GpuEvidence g = gpus.get(i);
      if (g.getIndex() != i) {
        out.reject("GPU_EVIDENCE_ORDER", "GPU evidence #" + i + " claims index " + g.getIndex());
        continue;
      }
      verifier.verify(g, Optional.of(expectedNonce.apply(i)), policy, out);
    }
  }

  private static void checkTeeAllowed(String tee, Policy policy, Verdict.Builder out) {
    if (!policy.getAllowedTeeList().isEmpty() && !policy.getAllowedTeeList().contains(tee)) {
      out.reject("TEE_NOT_ALLOWED", "allowedTee: evidence is " + tee + ", policy allows " + policy.getAllowedTeeList());
    }
  }
}
