package dev.gpucc.attestation.transcript;

import dev.gpucc.attestation.Digests;
import dev.gpucc.attestation.Hex;
import dev.gpucc.attestation.Verdict;
import dev.gpucc.proto.v1.JobTranscript;

/** Compares each transcript field with the client's own knowledge; every mismatch is reported. */
final class TranscriptChecks {
  private final JobTranscript t;
  private final JobExpectations expected;
  private final Verdict.Builder out;

  TranscriptChecks(JobTranscript t, JobExpectations expected, Verdict.Builder out) {
    this.t = t;
    this.expected = expected;
    this.out = out;
  }

  void checkAll() {
    if (!TranscriptDigests.JOB_TRANSCRIPT_DOMAIN.equals(t.getDomain())) {
      out.reject(
          "TRANSCRIPT_DOMAIN",
          "transcript domain is '" + t.getDomain() + "', expected '" + TranscriptDigests.JOB_TRANSCRIPT_DOMAIN + "'");
    }
    compare(
        "TRANSCRIPT_NONCE_MISMATCH",
        "client nonce (a replayed receipt, or one for another job)",
        expected.clientNonce(),
        t.getClientNonce().toByteArray());
    compare(
        "TRANSCRIPT_JOB_SPEC_MISMATCH",
        "job spec digest",
        TranscriptDigests.jobSpecDigest(expected.jobSpecBytes()),
        t.getJobSpecDigest().toByteArray());
    compare("TRANSCRIPT_INPUT_MISMATCH", "input digest", expected.inputDigest(), t.getInputDigest().toByteArray());
    compare(
        "TRANSCRIPT_OUTPUT_MISMATCH",
        "output digest (the outputs received are not the outputs the server attested)",
        expected.outputDigest(),
        t.getOutputDigest().toByteArray());
    expected
        .expectedKernelDigest()
        .ifPresent(k -> compare("TRANSCRIPT_KERNEL_MISMATCH", "kernel digest", k, t.getKernelDigest().toByteArray()));
    expected
        .observedTlsKeyDigest()
        .ifPresent(
            k ->
                compare(
                    "TRANSCRIPT_TLS_KEY_MISMATCH",
                    "TLS key digest (the channel's peer is not the attested server)",
                    k,
                    t.getTlsPublicKeySha256().toByteArray()));
  }

  private void compare(String code, String what, byte[] expectedValue, byte[] actual) {
    if (!Digests.equal(expectedValue, actual)) {
      out.reject(code, what + ": expected " + Hex.encode(expectedValue) + ", transcript has " + Hex.encode(actual));
    }
  }
}
