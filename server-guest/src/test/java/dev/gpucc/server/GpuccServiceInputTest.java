package dev.gpucc.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.google.protobuf.ByteString;
import dev.gpucc.attestation.transcript.TranscriptDigests;
import dev.gpucc.kernels.KernelCatalog;
import dev.gpucc.kernels.KernelLimits;
import dev.gpucc.proto.v1.GpuccGrpc;
import dev.gpucc.proto.v1.JobEvent;
import dev.gpucc.proto.v1.JobSpec;
import dev.gpucc.proto.v1.JobTranscript;
import dev.gpucc.proto.v1.OperandEncoding;
import dev.gpucc.proto.v1.PrimeMultiplyParams;
import dev.gpucc.proto.v1.SubmitJobRequest;
import dev.gpucc.server.exec.CpuExecutor;
import io.grpc.ManagedChannel;
import io.grpc.Server;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.grpc.inprocess.InProcessChannelBuilder;
import io.grpc.inprocess.InProcessServerBuilder;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Executors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class GpuccServiceInputTest {
  private final FakeCpuEvidenceProvider cpu = new FakeCpuEvidenceProvider();
  private Server server;
  private ManagedChannel channel;
  private GpuccGrpc.GpuccBlockingStub stub;

  @BeforeEach
  void start() throws Exception {
    ServerConfig config =
        ServerConfig.embeddedSimulated().withLimits(new KernelLimits(4096, 16, 1 << 20, 1 << 20));
    GpuccService service =
        new GpuccService(
            config,
            KernelCatalog.builtIn(),
            new ExecutorSelector(List.of(new CpuExecutor())),
            new EvidenceCollector(cpu, Optional.empty()),
            new byte[32],
            Executors.newFixedThreadPool(2));
    String name = InProcessServerBuilder.generateName();
    server = InProcessServerBuilder.forName(name).directExecutor().addService(service).build().start();
    channel = InProcessChannelBuilder.forName(name).directExecutor().build();
    stub = GpuccGrpc.newBlockingStub(channel).withDeadlineAfter(Duration.ofSeconds(30));
  }

  @AfterEach
  void stop() {
    channel.shutdownNow();
    server.shutdownNow();
  }

  @Test
  void validJob_returnsProductAndTranscriptBoundIntoReportData() throws Exception {
    JobEvent result = last(submit(decimalJob(), "12345678901234567890", "98765432109876543210"));
    assertThat(new String(result.getResult().getOutputs(0).toByteArray(), StandardCharsets.US_ASCII))
        .isEqualTo(new BigInteger("12345678901234567890").multiply(new BigInteger("98765432109876543210")).toString());
    byte[] transcript = result.getResult().getReceipt().getJobTranscript().toByteArray();
    assertThat(cpu.requests).hasSize(1);
    assertThat(cpu.requests.get(0)).isEqualTo(TranscriptDigests.reportData(transcript));
    JobTranscript t = JobTranscript.parseFrom(transcript);
    assertThat(t.getDomain()).isEqualTo(TranscriptDigests.JOB_TRANSCRIPT_DOMAIN);
    assertThat(t.getKernelName()).isEqualTo("prime-multiply");
  }

  @Test
  void emptyOperand_isInvalidArgument_andServerKeepsServing() {
    assertInvalid(() -> last(submit(decimalJob(), "", "7")), "operand a is empty");
    assertThat(last(submit(decimalJob(), "6", "7")).getResult().getOutputs(0).toStringUtf8()).isEqualTo("42");
  }

  @Test
  void nonNumericOperand_isInvalidArgument() {
    assertInvalid(() -> last(submit(decimalJob(), "12x4", "7")), "operand a is not a decimal number");
  }

  @Test
  void operandOverLimit_isInvalidArgument() {
    String big = BigInteger.ONE.shiftLeft(5000).toString();
    assertInvalid(() -> last(submit(decimalJob(), "3", big)), "the limit is 4096 bits");
    BigInteger b = BigInteger.ONE.shiftLeft(4200);
    SubmitJobRequest req = request(JobSpec.newBuilder().setKernel("prime-multiply").build(), new byte[] {3}, b.toByteArray());
    assertInvalid(() -> last(stub.submitJob(req)), "operand b has 4201 bits; the limit is 4096 bits");
  }

  @Test
  void wrongNonceLength_isInvalidArgument() {
    SubmitJobRequest req = request(decimalJob(), "6".getBytes(StandardCharsets.US_ASCII), "7".getBytes(StandardCharsets.US_ASCII))
        .toBuilder().setClientNonce(ByteString.copyFrom(new byte[5])).build();
    assertInvalid(() -> last(stub.submitJob(req)), "client_nonce must be 32 bytes");
  }

  @Test
  void unknownKernelAndGarbageSpec_areInvalidArgument() {
    assertInvalid(() -> last(submit(JobSpec.newBuilder().setKernel("nope").build(), "1", "2")), "unknown kernel 'nope'");
    SubmitJobRequest garbage = request(decimalJob(), new byte[] {1}, new byte[] {2})
        .toBuilder().setJobSpec(ByteString.copyFrom(new byte[] {(byte) 0xff, (byte) 0xff, (byte) 0xff})).build();
    assertInvalid(() -> last(stub.submitJob(garbage)), "not a valid serialized gpucc.v1.JobSpec");
  }

  @Test
  void customKernelWithoutGpu_isFailedPrecondition() {
    JobSpec custom = JobSpec.newBuilder().setKernel("custom").build();
    assertThatThrownBy(() -> last(submit(custom, "1", "2")))
        .isInstanceOfSatisfying(StatusRuntimeException.class, e -> {
          assertThat(e.getStatus().getCode()).isEqualTo(Status.Code.FAILED_PRECONDITION);
          assertThat(e.getStatus().getDescription()).contains("custom PTX kernels need a GPU");
        });
  }

  private static JobSpec decimalJob() {
    return JobSpec.newBuilder()
        .setKernel("prime-multiply")
        .setPrimeMultiply(PrimeMultiplyParams.newBuilder().setEncoding(OperandEncoding.OPERAND_ENCODING_DECIMAL))
        .build();
  }

  private Iterator<JobEvent> submit(JobSpec spec, String a, String b) {
    return stub.submitJob(request(spec, a.getBytes(StandardCharsets.US_ASCII), b.getBytes(StandardCharsets.US_ASCII)));
  }

  private static SubmitJobRequest request(JobSpec spec, byte[] a, byte[] b) {
    return SubmitJobRequest.newBuilder()
        .setClientNonce(ByteString.copyFrom(new byte[32]))
        .setJobSpec(spec.toByteString())
        .addInputs(ByteString.copyFrom(a))
        .addInputs(ByteString.copyFrom(b))
        .build();
  }

  private static JobEvent last(Iterator<JobEvent> events) {
    List<JobEvent> all = new ArrayList<>();
    events.forEachRemaining(all::add);
    JobEvent last = all.get(all.size() - 1);
    assertThat(last.hasResult()).isTrue();
    return last;
  }

  private static void assertInvalid(org.assertj.core.api.ThrowableAssert.ThrowingCallable call, String message) {
    assertThatThrownBy(call)
        .isInstanceOfSatisfying(StatusRuntimeException.class, e -> {
          assertThat(e.getStatus().getCode()).isEqualTo(Status.Code.INVALID_ARGUMENT);
          assertThat(e.getStatus().getDescription()).contains(message);
        });
  }
}
