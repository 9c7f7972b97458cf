package dev.gpucc.it;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gpucc.client.GpuccClient;
import dev.gpucc.client.JobOutcome;
import dev.gpucc.client.ProgressListener;
import java.math.BigInteger;
import java.security.SecureRandom;
import org.junit.jupiter.api.Test;

/** The demo job over real loopback TLS: attested, run, receipt verified, product correct. */
class EndToEndJobTest {
  @Test
  void primeProduct_isAcceptedWithSimulatedEvidence() throws Exception {
    try (SimulatedServer s = new SimulatedServer()) {
      GpuccClient client = s.client(s.policy());
      SecureRandom rnd = new SecureRandom();
      BigInteger a = BigInteger.probablePrime(1024, rnd);
      BigInteger b = BigInteger.probablePrime(1024, rnd);
      JobOutcome outcome = client.submit(Jobs.primeMultiply(), Jobs.operands(a, b), ProgressListener.NONE);

      assertThat(outcome.verdict().accepted()).as(outcome.verdict().reasons().toString()).isTrue();
      assertThat(outcome.verdict().simulated()).isTrue();
      assertThat(new BigInteger(1, outcome.outputs().get(0))).isEqualTo(a.multiply(b));
      assertThat(outcome.verdict().claims()).containsEntry("tee", "SEV-SNP").containsKey("job.executor");
      assertThat(s.calls).containsExactly("Attest", "SubmitJob");
    }
  }
}
