package dev.gpucc.server.evidence.gpu;

import dev.gpucc.attestation.Reason;
import dev.gpucc.attestation.Verdict;
import dev.gpucc.attestation.gpu.GpuEvidenceVerifier;
import dev.gpucc.attestation.gpu.validate.GpuPolicyValidator;
import dev.gpucc.proto.v1.GpuEvidence;
import dev.gpucc.proto.v1.GpuInfo;
import dev.gpucc.proto.v1.GpuPolicy;
import dev.gpucc.server.evidence.EvidenceProviderException;
import dev.gpucc.server.evidence.GpuEvidenceProvider;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * Start-up self-check, as nvtrust does before letting CUDA work in: collect every local GPU's
 * evidence for a fresh random nonce, verify it with the same verifier clients use, validate the
 * CC/devtools state NVML reports, and only then set the GPUs ready (NVML ready state 1). On
 * failure the ready state is set to 0 and the server must not start GPU work.
 */
public final class GpuSelfCheck {
  /** Sets the NVML "accepting client requests" state; absent for simulated GPUs. */
  public interface ReadyState {
    void setGpusReady(boolean ready) throws EvidenceProviderException;
  }

  private final GpuEvidenceVerifier verifier;
  private final GpuPolicy policy;
  private final SecureRandom random;

  public GpuSelfCheck(GpuEvidenceVerifier verifier, GpuPolicy policy, SecureRandom random) {
    this.verifier = Objects.requireNonNull(verifier, "verifier");
    this.policy = Objects.requireNonNull(policy, "policy");
    this.random = Objects.requireNonNull(random, "random");
  }

  /**
   * Runs the check and returns the (accepted) verdict.
   *
   * @throws EvidenceProviderException when evidence cannot be collected or is rejected; the
   *     message lists every reason
   */
  public Verdict run(GpuEvidenceProvider provider, Optional<ReadyState> ready) throws EvidenceProviderException {
    byte[] nonce = new byte[32];
    random.nextBytes(nonce);
    Verdict.Builder out = Verdict.builder();
    try {
      List<GpuEvidence> evidence = new ArrayList<>();
      for (GpuInfo g : provider.gpus()) {
        evidence.add(provider.collect(g.getIndex(), nonce));
        GpuPolicyValidator.validateModes(g, policy).forEach(out::reject);
      }
      verifier.verifyAll(evidence, Optional.of(nonce), policy, out);
    } catch (EvidenceProviderException e) {
      markNotReady(ready);
      throw e;
    }
    Verdict verdict = out.build();
    if (!verdict.accepted()) {
      markNotReady(ready);
      throw new EvidenceProviderException("GPU self-check failed (" + provider.name() + "): "
          + verdict.reasons().stream().map(Reason::toString).collect(Collectors.joining("; ")));
    }
    if (ready.isPresent()) {
      ready.get().setGpusReady(true);
    }
    return verdict;
  }

  private static void markNotReady(Optional<ReadyState> ready) {
    if (ready.isPresent()) {
      try {
        ready.get().setGpusReady(false);
      } catch (EvidenceProviderException ignored) {
        // The original failure is the one to report; the GPUs stay not-ready by default anyway.
      }
    }
  }
}
