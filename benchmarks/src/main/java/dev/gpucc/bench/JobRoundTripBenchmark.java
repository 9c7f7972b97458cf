package dev.gpucc.bench;

import dev.gpucc.attestation.SimulatedRoots;
import dev.gpucc.client.AttestedChannel;
import dev.gpucc.client.GpuccClient;
import dev.gpucc.client.JobOutcome;
import dev.gpucc.client.ProgressListener;
import dev.gpucc.proto.v1.AttestationMode;
import dev.gpucc.proto.v1.JobSpec;
import dev.gpucc.proto.v1.OperandEncoding;
import dev.gpucc.proto.v1.Policy;
import dev.gpucc.proto.v1.PrimeMultiplyParams;
import dev.gpucc.server.ComponentFactory;
import dev.gpucc.server.GpuccServer;
import dev.gpucc.server.ServerConfig;
import java.math.BigInteger;
import java.security.SecureRandom;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * One verified prime-multiply job over loopback TLS against a simulated server: client nonce,
 * submit, server compute, evidence (PER_JOB: a fresh signed report; SESSION: one signature), and
 * full client-side receipt verification.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class JobRoundTripBenchmark {
  @Param({"ATTESTATION_MODE_PER_JOB", "ATTESTATION_MODE_SESSION"})
  String mode;

  @Param({"1024"})
  int bits;

  GpuccServer server;
  AttestedChannel channel;
  GpuccClient client;
  JobSpec spec;
  List<byte[]> inputs;

  @Setup(Level.Trial)
  public void setUp() throws Exception {
    ServerConfig config = ServerConfig.embeddedSimulated();
    server = new GpuccServer(config, ComponentFactory.create(config)).start();
    Policy.Builder policy = Policy.newBuilder().setAllowSimulated(true);
    for (X509Certificate root : ComponentFactory.simulatedRoots(server.components())) {
      policy.addSimulatedRootSha256(SimulatedRoots.sha256Hex(root));
    }
    channel = AttestedChannel.open("127.0.0.1", server.port());
    client = new GpuccClient(channel.channel(), channel.pin(), policy.build(), Clock.systemUTC(), 60,
        AttestationMode.valueOf(mode));
    client.attest();
    spec = JobSpec.newBuilder().setKernel("prime-multiply")
        .setPrimeMultiply(PrimeMultiplyParams.newBuilder().setEncoding(OperandEncoding.OPERAND_ENCODING_BIG_ENDIAN)).build();
    SecureRandom rnd = new SecureRandom();
    inputs = List.of(BigInteger.probablePrime(bits, rnd).toByteArray(), BigInteger.probablePrime(bits, rnd).toByteArray());
  }

  @TearDown(Level.Trial)
  public void tearDown() throws Exception {
    channel.close();
    server.stop();
  }

  @Benchmark
  public JobOutcome verifiedJob() throws Exception {
    JobOutcome o = client.submit(spec, inputs, ProgressListener.NONE);
    if (!o.verdict().accepted()) {
      throw new IllegalStateException("rejected: " + o.verdict().reasons());
    }
    return o;
  }
}
