package dev.gpucc.bench;

import dev.gpucc.attestation.transcript.TranscriptDigests;
import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/** Cost of the input/output digests a client and server compute for every job. */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class TranscriptDigestBenchmark {
  @Param({"256", "1048576"})
  int bytes;

  List<byte[]> inputs;

  @Setup
  public void setUp() {
    byte[] a = new byte[bytes];
    byte[] b = new byte[bytes];
    new Random(1).nextBytes(a);
    new Random(2).nextBytes(b);
    inputs = List.of(a, b);
  }

  @Benchmark
  public byte[] inputDigest() {
    return TranscriptDigests.inputDigest(inputs);
  }
}
