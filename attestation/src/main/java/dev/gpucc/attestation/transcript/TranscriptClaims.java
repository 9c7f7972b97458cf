package dev.gpucc.attestation.transcript;

import dev.gpucc.attestation.Hex;
import dev.gpucc.attestation.Verdict;
import dev.gpucc.proto.v1.ExecutorKind;
import dev.gpucc.proto.v1.JobTranscript;
import java.time.Instant;

/** Copies what a job transcript says into verdict claims, for display and audit. */
final class TranscriptClaims {
  private TranscriptClaims() {}

  static void add(JobTranscript t, Verdict.Builder out) {
    out.claim("job.id", t.getJobId());
    out.claim("job.kernel", t.getKernelName() + "@" + t.getKernelVersion());
    out.claim("job.kernel_digest", Hex.encode(t.getKernelDigest().toByteArray()));
    boolean gpu = t.getExecutor().getKind() == ExecutorKind.EXECUTOR_KIND_CUDA;
    out.claim("job.executor", gpu
        ? "GPU (CUDA) " + t.getExecutor().getDevice()
        : "CPU (Java reference implementation; no GPU computed this job)");
    out.claim("job.server_version", t.getServerVersion());
    out.claim("job.completed_at", Instant.ofEpochMilli(t.getCompletedAtUnixMs()).toString());
  }
}
