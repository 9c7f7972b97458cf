package dev.gpucc.it;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gpucc.attestation.Reason;
import dev.gpucc.attestation.Verdict;
import dev.gpucc.attestation.transcript.JobExpectations;
import dev.gpucc.client.GpuccClient;
import dev.gpucc.client.JobOutcome;
import dev.gpucc.client.ProgressListener;
import dev.gpucc.proto.v1.AttestationMode;
import dev.gpucc.proto.v1.Policy;
import dev.gpucc.proto.v1.SessionPolicy;
import dev.gpucc.server.ServerConfig;
import java.math.BigInteger;
import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** SESSION mode: one attestation, signed receipts, expiry and re-attestation. */
class SessionModeTest {
  private static final BigInteger A = BigInteger.valueOf(65537);
  private static final BigInteger B = BigInteger.valueOf(2147483647);

  @Test
  void jobsInOneSession_areSignedBySessionKey_andAttestOnce() throws Exception {
    try (SimulatedServer s = new SimulatedServer()) {
      GpuccClient client = s.client(s.policy(), AttestationMode.ATTESTATION_MODE_SESSION);
      JobOutcome j1 = client.submit(Jobs.primeMultiply(), Jobs.operands(A, B), ProgressListener.NONE);
      JobOutcome j2 = client.submit(Jobs.primeMultiply(), Jobs.operands(B, A), ProgressListener.NONE);
      assertThat(j1.verdict().accepted()).as(j1.verdict().reasons().toString()).isTrue();
      assertThat(j2.verdict().accepted()).isTrue();
      assertThat(j1.receipt().getReceipt().hasSession()).isTrue();
      assertThat(s.count("Attest")).isEqualTo(1);
      assertThat(s.count("SubmitJob")).isEqualTo(2);
      // Offline: the full session evidence is verified again from the receipt alone.
      Verdict offline = ReceiptRejectionTest.verify(j1.receipt(), sessionExpectations(j1), s.policy());
      assertThat(offline.accepted()).as(offline.reasons().toString()).isTrue();
    }
  }

  @Test
  void expiredSession_isReattested() throws Exception {
    ServerConfig shortSessions = new ServerConfig("127.0.0.1", 0, ServerConfig.embeddedSimulated().limits(),
        Duration.ofMinutes(1), 2, "simulated", "none", "cpu", Duration.ofMillis(1500));
    try (SimulatedServer s = new SimulatedServer(shortSessions)) {
      GpuccClient client = s.client(s.policy(), AttestationMode.ATTESTATION_MODE_SESSION);
      client.submit(Jobs.primeMultiply(), Jobs.operands(A, B), ProgressListener.NONE);
      Thread.sleep(2000);
      JobOutcome after = client.submit(Jobs.primeMultiply(), Jobs.operands(A, B), ProgressListener.NONE);
      assertThat(after.verdict().accepted()).isTrue();
      assertThat(s.count("Attest")).isEqualTo(2);
    }
  }

  @Test
  void sessionOlderThanPolicyMaxAge_isRejected() throws Exception {
    try (SimulatedServer s = new SimulatedServer()) {
      GpuccClient client = s.client(s.policy(), AttestationMode.ATTESTATION_MODE_SESSION);
      client.submit(Jobs.primeMultiply(), Jobs.operands(A, B), ProgressListener.NONE);
      Thread.sleep(1200);
      JobOutcome later = client.submit(Jobs.primeMultiply(), Jobs.operands(A, B), ProgressListener.NONE);
      Policy strict = s.policy().toBuilder().setSession(SessionPolicy.newBuilder().setMaxAgeSeconds(1)).build();
      Verdict v = ReceiptRejectionTest.verify(later.receipt(), sessionExpectations(later), strict);
      assertThat(v.reasons()).extracting(Reason::code).contains("SESSION_EXPIRED");
    }
  }

  @Test
  void tamperedSessionSignature_isRejected() throws Exception {
    try (SimulatedServer s = new SimulatedServer()) {
      GpuccClient client = s.client(s.policy(), AttestationMode.ATTESTATION_MODE_SESSION);
      JobOutcome j = client.submit(Jobs.primeMultiply(), Jobs.operands(A, B), ProgressListener.NONE);
      var r = j.receipt().getReceipt();
      byte[] sig = r.getSession().getSignature().toByteArray();
      sig[sig.length - 1] ^= 1;
      var tampered = j.receipt().toBuilder().setReceipt(r.toBuilder().setSession(
          r.getSession().toBuilder().setSignature(com.google.protobuf.ByteString.copyFrom(sig)))).build();
      Verdict v = ReceiptRejectionTest.verify(tampered, sessionExpectations(j), s.policy());
      assertThat(v.reasons()).extracting(Reason::code).contains("SESSION_SIGNATURE_INVALID");
    }
  }

  static JobExpectations sessionExpectations(JobOutcome j) {
    JobExpectations e = ReceiptRejectionTest.expectations(j.receipt());
    return new JobExpectations(e.clientNonce(), e.jobSpecBytes(), e.inputDigest(), e.outputDigest(), Optional.empty(),
        e.observedTlsKeyDigest(), Optional.empty(), Optional.of(j.receipt().getSessionClientNonce().toByteArray()));
  }
}
