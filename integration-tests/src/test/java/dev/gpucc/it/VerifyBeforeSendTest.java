package dev.gpucc.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.gpucc.attestation.Reason;
import dev.gpucc.client.AttestedChannel;
import dev.gpucc.client.GpuccClient;
import dev.gpucc.client.GpuccClientException;
import dev.gpucc.client.ProgressListener;
import dev.gpucc.proto.v1.AttestationMode;
import dev.gpucc.proto.v1.Policy;
import java.math.BigInteger;
import java.time.Clock;
import org.junit.jupiter.api.Test;

/** No job input leaves the client unless the server's evidence passed and binds this channel's key. */
class VerifyBeforeSendTest {
  @Test
  void serverFailingPolicy_receivesNoInput() throws Exception {
    try (SimulatedServer s = new SimulatedServer()) {
      GpuccClient client = s.client(Policy.getDefaultInstance()); // simulated evidence not allowed
      assertThatThrownBy(() -> client.submit(Jobs.primeMultiply(), Jobs.operands(BigInteger.TWO, BigInteger.TEN), ProgressListener.NONE))
          .isInstanceOfSatisfying(GpuccClientException.class, e -> {
            assertThat(e.kind()).isEqualTo(GpuccClientException.Kind.ATTESTATION_REJECTED);
            assertThat(e.verdict().orElseThrow().reasons()).extracting(Reason::code).contains("SIMULATED_NOT_ALLOWED");
          });
      assertThat(s.count("Attest")).isEqualTo(1);
      assertThat(s.count("SubmitJob")).isZero();
    }
  }

  @Test
  void manInTheMiddleWithItsOwnKey_receivesNoInput() throws Exception {
    try (SimulatedServer s = new SimulatedServer(); ForwardingProxy mitm = new ForwardingProxy(s.port())) {
      try (AttestedChannel ch = AttestedChannel.open("127.0.0.1", mitm.port())) {
        GpuccClient client = new GpuccClient(ch.channel(), ch.pin(), s.policy(), Clock.systemUTC(), 60,
            AttestationMode.ATTESTATION_MODE_PER_JOB);
        assertThatThrownBy(() -> client.submit(Jobs.primeMultiply(), Jobs.operands(BigInteger.TWO, BigInteger.TEN), ProgressListener.NONE))
            .isInstanceOfSatisfying(GpuccClientException.class, e -> {
              assertThat(e.kind()).isEqualTo(GpuccClientException.Kind.ATTESTATION_REJECTED);
              assertThat(e.verdict().orElseThrow().reasons()).extracting(Reason::code).containsExactly("TRANSCRIPT_TLS_KEY_MISMATCH");
            });
      }
      assertThat(mitm.capturedJobs).isEmpty();
      assertThat(s.count("SubmitJob")).isZero();
    }
  }
}
