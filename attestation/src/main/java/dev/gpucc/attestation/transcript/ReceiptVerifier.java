package dev.gpucc.attestation.transcript;

import com.google.protobuf.ByteString;
import com.google.protobuf.InvalidProtocolBufferException;
import dev.gpucc.attestation.Digests;
import dev.gpucc.attestation.EvidenceVerifier;
import dev.gpucc.attestation.Hex;
import dev.gpucc.attestation.Verdict;
import dev.gpucc.attestation.VerifyOptions;
import dev.gpucc.proto.v1.Evidence;
import dev.gpucc.proto.v1.JobTranscript;
import dev.gpucc.proto.v1.Policy;
import dev.gpucc.proto.v1.Receipt;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Verifies a job's receipt against what the client sent and received: the transcript's fields
 * against the client's own digests, then the proof (fresh evidence whose REPORT_DATA is the
 * SHA-512 of the transcript bytes, with each GPU's evidence bound by digest and nonce).
 */
public final class ReceiptVerifier {
  private final VerifyOptions options;
  private final Policy policy;

  public ReceiptVerifier(VerifyOptions options, Policy policy) {
    this.options = options;
    this.policy = policy;
  }

  public Verdict verify(Receipt receipt, JobExpectations expected) {
    Verdict.Builder out = Verdict.builder();
    byte[] transcriptBytes = receipt.getJobTranscript().toByteArray();
    JobTranscript t;
    try {
      t = JobTranscript.parseFrom(transcriptBytes);
    } catch (InvalidProtocolBufferException e) {
      return out.reject("TRANSCRIPT_MALFORMED", "job transcript does not parse: " + e.getMessage()).build();
    }
    TranscriptClaims.add(t, out);
    new TranscriptChecks(t, expected, out).checkAll();
    switch (receipt.getProofCase()) {
      case EVIDENCE -> verifyPerJob(receipt.getEvidence(), t, transcriptBytes, out);
      case SESSION -> new SessionProofVerifier(options, policy)
          .verify(receipt.getSession(), t, transcriptBytes, expected, out);
      default -> out.reject("RECEIPT_NO_PROOF", "the receipt carries neither evidence nor a session proof");
    }
    return out.build();
  }

  private void verifyPerJob(Evidence evidence, JobTranscript t, byte[] transcriptBytes, Verdict.Builder out) {
    if (!t.getSessionId().isEmpty()) {
      out.reject("SESSION_MISMATCH", "the transcript names a session but the receipt carries per-job evidence");
    }
    checkGpuDigests(evidence, t.getGpuEvidenceSha256List(), out);
    byte[] reportData = TranscriptDigests.reportData(transcriptBytes);
    new EvidenceVerifier(options)
        .verify(
            evidence,
            reportData,
            i ->
                TranscriptDigests.gpuJobNonce(
                    t.getClientNonce().toByteArray(),
                    t.getJobId(),
                    t.getKernelDigest().toByteArray(),
                    t.getJobSpecDigest().toByteArray(),
                    t.getInputDigest().toByteArray(),
                    t.getOutputDigest().toByteArray(),
                    i),
            policy,
            out);
  }

  /** The transcript must list exactly the digests of the GPU evidence that came with it. */
  static void checkGpuDigests(Evidence evidence, List<ByteString> bound, Verdict.Builder out) {
    List<byte[]> actual = new ArrayList<>();
    evidence.getGpusList().forEach(g -> actual.add(TranscriptDigests.gpuEvidenceDigest(g)));
    if (actual.size() != bound.size()) {
      out.reject(
          "TRANSCRIPT_GPU_EVIDENCE_MISMATCH",
          "transcript binds " + bound.size() + " GPU evidence digests, receipt carries "
              + actual.size() + " GPU evidence items");
      return;
    }
    for (int i = 0; i < actual.size(); i++) {
      byte[] b = bound.get(i).toByteArray();
      if (!Digests.equal(b, actual.get(i))) {
        out.reject(
            "TRANSCRIPT_GPU_EVIDENCE_MISMATCH",
            "GPU " + i + " evidence digest: transcript " + Hex.encode(b) + ", evidence "
                + Hex.encode(actual.get(i)));
      }
    }
  }

  /** Convenience: verification options from the policy, at the current instant. */
  public static ReceiptVerifier forPolicy(Policy policy) {
    return new ReceiptVerifier(EvidenceVerifier.optionsFor(policy, Instant.now()), policy);
  }
}
