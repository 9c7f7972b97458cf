package dev.gpucc.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.protobuf.ByteString;
import dev.gpucc.attestation.EvidenceVerifier;
import dev.gpucc.attestation.Reason;
import dev.gpucc.attestation.Verdict;
import dev.gpucc.attestation.transcript.JobExpectations;
import dev.gpucc.attestation.transcript.ReceiptVerifier;
import dev.gpucc.attestation.transcript.TranscriptDigests;
import dev.gpucc.client.JobOutcome;
import dev.gpucc.client.ProgressListener;
import dev.gpucc.proto.v1.Policy;
import dev.gpucc.proto.v1.Receipt;
import dev.gpucc.proto.v1.SavedReceipt;
import java.math.BigInteger;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Each way a receipt can be wrong is rejected, for the right reason. */
class ReceiptRejectionTest {
  private static SimulatedServer server;
  private static JobOutcome first;
  private static JobOutcome second;
  private static final BigInteger A = BigInteger.valueOf(1_000_003);
  private static final BigInteger B = BigInteger.valueOf(998_244_353);

  @BeforeAll
  static void runTwoJobs() throws Exception {
    server = new SimulatedServer();
    var client = server.client(server.policy());
    first = client.submit(Jobs.primeMultiply(), Jobs.operands(A, B), ProgressListener.NONE);
    second = client.submit(Jobs.primeMultiply(), Jobs.operands(A, B), ProgressListener.NONE);
  }

  @AfterAll
  static void stop() throws Exception {
    server.close();
  }

  @Test
  void untouchedReceipt_isAccepted() {
    assertThat(verify(first.receipt(), expectations(first.receipt()), server.policy()).accepted()).isTrue();
  }

  @Test
  void outputByteChangedAfterSigning_isRejected() {
    List<byte[]> outputs = new ArrayList<>(first.outputs());
    byte[] changed = outputs.get(0).clone();
    changed[changed.length - 1] ^= 1;
    outputs.set(0, changed);
    JobExpectations e = expectations(first.receipt());
    e = new JobExpectations(e.clientNonce(), e.jobSpecBytes(), e.inputDigest(), TranscriptDigests.outputDigest(outputs),
        Optional.empty(), e.observedTlsKeyDigest());
    assertRejected(verify(first.receipt(), e, server.policy()), "TRANSCRIPT_OUTPUT_MISMATCH");
  }

  @Test
  void replayOfEarlierReceipt_failsOnNonce() {
    // The client waits for job 2 (its nonce) and is handed job 1's genuine receipt.
    JobExpectations forSecond = expectations(second.receipt());
    assertRejected(verify(first.receipt(), forSecond, server.policy()), "TRANSCRIPT_NONCE_MISMATCH");
  }

  @Test
  void inputDigestMismatch_isRejected() {
    JobExpectations e = expectations(first.receipt());
    byte[] otherInputs = TranscriptDigests.inputDigest(Jobs.operands(A, B.add(BigInteger.TWO)));
    e = new JobExpectations(e.clientNonce(), e.jobSpecBytes(), otherInputs, e.outputDigest(), Optional.empty(),
        e.observedTlsKeyDigest());
    assertRejected(verify(first.receipt(), e, server.policy()), "TRANSCRIPT_INPUT_MISMATCH");
  }

  @Test
  void brokenReportSignature_isRejected() {
    Receipt r = first.receipt().getReceipt();
    byte[] report = r.getEvidence().getSnp().getReport().toByteArray();
    report[0x2A0] ^= 0x01; // first byte of SIGNATURE.R
    Receipt broken = r.toBuilder()
        .setEvidence(r.getEvidence().toBuilder().setSnp(r.getEvidence().getSnp().toBuilder().setReport(ByteString.copyFrom(report))))
        .build();
    SavedReceipt saved = first.receipt().toBuilder().setReceipt(broken).build();
    assertRejected(verify(saved, expectations(saved), server.policy()), "SNP_SIGNATURE_INVALID");
  }

  @Test
  void jobCarriesGpuEvidenceBoundToIt() {
    assertThat(first.receipt().getReceipt().getEvidence().getGpusCount()).isEqualTo(1);
    assertThat(first.verdict().claims()).containsEntry("gpu.count", 1);
  }

  @Test
  void tamperedGpuEvidence_isRejected() {
    Receipt r = first.receipt().getReceipt();
    byte[] spdm = r.getEvidence().getGpus(0).getSpdm().toByteArray();
    spdm[107] ^= 0x01; // block 2 value[0], as in negative/gpu-measurement-bitflip
    Receipt tampered = r.toBuilder().setEvidence(r.getEvidence().toBuilder()
        .setGpus(0, r.getEvidence().getGpus(0).toBuilder().setSpdm(ByteString.copyFrom(spdm)))).build();
    SavedReceipt saved = first.receipt().toBuilder().setReceipt(tampered).build();
    Verdict v = verify(saved, expectations(saved), server.policy());
    assertRejected(v, "TRANSCRIPT_GPU_EVIDENCE_MISMATCH");
    assertRejected(v, "GPU_SIGNATURE_INVALID");
  }

  @Test
  void gpuEvidenceOfAnotherJob_failsBindingAndNonce() {
    // Genuine, correctly signed GPU evidence, but made for job 2's nonce.
    Receipt r = first.receipt().getReceipt();
    Receipt swapped = r.toBuilder().setEvidence(r.getEvidence().toBuilder()
        .setGpus(0, second.receipt().getReceipt().getEvidence().getGpus(0))).build();
    SavedReceipt saved = first.receipt().toBuilder().setReceipt(swapped).build();
    Verdict v = verify(saved, expectations(saved), server.policy());
    assertRejected(v, "TRANSCRIPT_GPU_EVIDENCE_MISMATCH");
    assertRejected(v, "GPU_NONCE_MISMATCH");
  }

  @Test
  void simulatedEvidenceUnderStrictPolicy_isRejected() {
    assertRejected(verify(first.receipt(), expectations(first.receipt()), Policy.getDefaultInstance()), "SIMULATED_NOT_ALLOWED");
  }

  @Test
  void simulatedRootNotPinned_isRejected() {
    Policy otherRoot = Policy.newBuilder().setAllowSimulated(true).addSimulatedRootSha256("00".repeat(32)).build();
    assertRejected(verify(first.receipt(), expectations(first.receipt()), otherRoot), "SIMULATED_ROOT_NOT_PINNED");
  }

  static JobExpectations expectations(SavedReceipt saved) {
    return new JobExpectations(
        saved.getClientNonce().toByteArray(),
        saved.getJobSpec().toByteArray(),
        saved.getInputDigest().toByteArray(),
        saved.getOutputDigest().toByteArray(),
        Optional.empty(),
        Optional.of(saved.getObservedTlsPublicKeySha256().toByteArray()));
  }

  static Verdict verify(SavedReceipt saved, JobExpectations e, Policy policy) {
    return new ReceiptVerifier(EvidenceVerifier.optionsFor(policy, Instant.now()), policy).verify(saved.getReceipt(), e);
  }

  static void assertRejected(Verdict v, String code) {
    assertThat(v.accepted()).isFalse();
    assertThat(v.reasons()).extracting(Reason::code).contains(code);
  }
}
