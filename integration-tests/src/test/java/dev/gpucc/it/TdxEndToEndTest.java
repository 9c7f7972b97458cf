package dev.gpucc.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.protobuf.ByteString;
import dev.gpucc.attestation.Reason;
import dev.gpucc.attestation.Verdict;
import dev.gpucc.client.JobOutcome;
import dev.gpucc.client.ProgressListener;
import dev.gpucc.proto.v1.Receipt;
import dev.gpucc.proto.v1.SavedReceipt;
import dev.gpucc.server.ServerConfig;
import java.math.BigInteger;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** The same job on a simulated TDX server: a real-format v4 quote with simulated collateral. */
class TdxEndToEndTest {
  @Test
  void jobOnSimulatedTdx_isAccepted_andTamperedQuoteRejected() throws Exception {
    ServerConfig tdx = new ServerConfig("127.0.0.1", 0, ServerConfig.embeddedSimulated().limits(), Duration.ofMinutes(1),
        2, "simulated-tdx", "simulated", "cpu", Duration.ofHours(1));
    try (SimulatedServer s = new SimulatedServer(tdx)) {
      BigInteger a = BigInteger.valueOf(1_000_000_007L);
      BigInteger b = BigInteger.valueOf(998_244_353L);
      JobOutcome o = s.client(s.policy()).submit(Jobs.primeMultiply(), Jobs.operands(a, b), ProgressListener.NONE);
      assertThat(o.verdict().accepted()).as(o.verdict().reasons().toString()).isTrue();
      assertThat(o.verdict().claims()).containsEntry("tee", "TDX");
      assertThat(new BigInteger(1, o.outputs().get(0))).isEqualTo(a.multiply(b));

      Receipt r = o.receipt().getReceipt();
      byte[] quote = r.getEvidence().getTdx().getQuote().toByteArray();
      quote[184] ^= 0x01; // MRTD[0]
      Receipt tampered = r.toBuilder().setEvidence(r.getEvidence().toBuilder()
          .setTdx(r.getEvidence().getTdx().toBuilder().setQuote(ByteString.copyFrom(quote)))).build();
      SavedReceipt saved = o.receipt().toBuilder().setReceipt(tampered).build();
      Verdict v = ReceiptRejectionTest.verify(saved, ReceiptRejectionTest.expectations(saved), s.policy());
      assertThat(v.accepted()).isFalse();
      assertThat(v.reasons()).extracting(Reason::code).contains("TDX_QUOTE_SIGNATURE_INVALID");
    }
  }
}
