package dev.gpucc.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.protobuf.ByteString;
import dev.gpucc.attestation.Reason;
import dev.gpucc.attestation.Verdict;
import dev.gpucc.client.JobOutcome;
import dev.gpucc.client.ProgressListener;
import dev.gpucc.proto.v1.GpuPolicy;
import dev.gpucc.proto.v1.Policy;
import dev.gpucc.proto.v1.Receipt;
import dev.gpucc.proto.v1.SavedReceipt;
import dev.gpucc.server.ServerConfig;
import java.math.BigInteger;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** With several GPUs, every GPU's evidence is bound to the job and verified. */
class MultiGpuTest {
  @Test
  void fourGpus_allBoundAndVerified_andDroppingOneIsRejected() throws Exception {
    ServerConfig four = new ServerConfig("127.0.0.1", 0, ServerConfig.embeddedSimulated().limits(), Duration.ofMinutes(1),
        2, "simulated", "simulated:4", "cpu", Duration.ofHours(1));
    try (SimulatedServer s = new SimulatedServer(four)) {
      Policy policy = s.policy().toBuilder().setGpu(GpuPolicy.newBuilder().setRequireGpu(true).setGpuCount(4)).build();
      JobOutcome o = s.client(policy).submit(Jobs.primeMultiply(), Jobs.operands(BigInteger.TEN, BigInteger.TWO),
          ProgressListener.NONE);
      assertThat(o.verdict().accepted()).as(o.verdict().reasons().toString()).isTrue();
      assertThat(o.verdict().claims()).containsEntry("gpu.count", 4).containsKey("gpu3.driver_version");

      Receipt r = o.receipt().getReceipt();
      Receipt threeGpus = r.toBuilder().setEvidence(r.getEvidence().toBuilder().removeGpus(3)).build();
      SavedReceipt saved = o.receipt().toBuilder().setReceipt(threeGpus).build();
      Verdict v = ReceiptRejectionTest.verify(saved, ReceiptRejectionTest.expectations(saved), policy);
      assertThat(v.reasons()).extracting(Reason::code).contains("TRANSCRIPT_GPU_EVIDENCE_MISMATCH", "GPU_POLICY_GPU_COUNT");

      byte[] spdm = r.getEvidence().getGpus(2).getSpdm().toByteArray();
      spdm[107] ^= 1;
      Receipt tampered = r.toBuilder().setEvidence(r.getEvidence().toBuilder()
          .setGpus(2, r.getEvidence().getGpus(2).toBuilder().setSpdm(ByteString.copyFrom(spdm)))).build();
      SavedReceipt saved2 = o.receipt().toBuilder().setReceipt(tampered).build();
      Verdict v2 = ReceiptRejectionTest.verify(saved2, ReceiptRejectionTest.expectations(saved2), policy);
      assertThat(v2.reasons()).extracting(Reason::code).contains("GPU_SIGNATURE_INVALID");
    }
  }
}
