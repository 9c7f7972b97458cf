package dev.gpucc.bench;

import dev.gpucc.attestation.Verdict;
import dev.gpucc.attestation.VerifyOptions;
import dev.gpucc.attestation.snp.SnpEvidenceVerifier;
import dev.gpucc.attestation.snp.abi.SnpProductLine;
import dev.gpucc.attestation.snp.sim.SimulatedAmdAuthority;
import dev.gpucc.proto.v1.SnpEvidence;
import dev.gpucc.proto.v1.SnpPolicy;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Full verification of one SEV-SNP evidence bundle (parse, ARK self-signature, ASK and VCEK
 * RSASSA-PSS-4096 signatures, VCEK extensions, ECDSA P-384 report signature, policy).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class SnpVerifyBenchmark {
  SnpEvidence evidence;
  byte[] reportData = new byte[64];
  SnpEvidenceVerifier verifier;

  @Setup
  public void setUp() {
    evidence = SimulatedAmdAuthority.generate(SnpProductLine.MILAN).attest(reportData);
    verifier = new SnpEvidenceVerifier(VerifyOptions.builder().allowSimulatedAcknowledgingNoHardwareProtection(true).build());
  }

  @Benchmark
  public Verdict verifySnpEvidence() {
    Verdict.Builder out = Verdict.builder();
    verifier.verify(evidence, Optional.of(reportData), SnpPolicy.getDefaultInstance(), out);
    Verdict v = out.build();
    if (!v.accepted()) {
      throw new IllegalStateException(v.reasons().toString());
    }
    return v;
  }
}
