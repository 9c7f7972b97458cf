package dev.gpucc.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.protobuf.ByteString;
import dev.gpucc.attestation.EvidenceVerifier;
import dev.gpucc.attestation.Reason;
import dev.gpucc.attestation.Verdict;
import dev.gpucc.attestation.transcript.SessionVerifier;
import dev.gpucc.client.AttestedChannel;
import dev.gpucc.proto.v1.AttestRequest;
import dev.gpucc.proto.v1.AttestResponse;
import dev.gpucc.proto.v1.AttestationMode;
import dev.gpucc.proto.v1.GpuccGrpc;
import java.security.SecureRandom;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** Session evidence answers one nonce only: replaying it against a new challenge fails. */
class ReplayTest {
  @Test
  void replayedSessionEvidence_isRejected() throws Exception {
    try (SimulatedServer s = new SimulatedServer(); AttestedChannel ch = AttestedChannel.open("127.0.0.1", s.port())) {
      byte[] first = new byte[32];
      byte[] second = new byte[32];
      new SecureRandom().nextBytes(first);
      new SecureRandom().nextBytes(second);
      AttestResponse recorded = GpuccGrpc.newBlockingStub(ch.channel()).attest(AttestRequest.newBuilder()
          .setClientNonce(ByteString.copyFrom(first)).setMode(AttestationMode.ATTESTATION_MODE_PER_JOB).build());
      SessionVerifier verifier = new SessionVerifier(EvidenceVerifier.optionsFor(s.policy(), Instant.now()), s.policy());
      byte[] key = ch.pin().observedKeyDigest().orElseThrow();

      assertThat(verifier.verify(recorded, first, key).accepted()).isTrue();
      Verdict replayed = verifier.verify(recorded, second, key);
      assertThat(replayed.reasons()).extracting(Reason::code).containsExactly("TRANSCRIPT_NONCE_MISMATCH");
    }
  }
}
