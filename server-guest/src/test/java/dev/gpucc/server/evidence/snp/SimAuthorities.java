package dev.gpucc.server.evidence.snp;

import dev.gpucc.attestation.Verdict;
import dev.gpucc.attestation.VerifyOptions;
import dev.gpucc.attestation.snp.SnpEvidenceVerifier;
import dev.gpucc.attestation.snp.abi.SnpProductLine;
import dev.gpucc.attestation.snp.sim.SimulatedAmdAuthority;
import dev.gpucc.proto.v1.SnpEvidence;
import dev.gpucc.proto.v1.SnpPolicy;
import java.util.Optional;

/** One simulated authority for all provider tests (RSA-4096 generation is slow). */
final class SimAuthorities {
  static final SimulatedAmdAuthority MILAN = SimulatedAmdAuthority.generate(SnpProductLine.MILAN);

  private SimAuthorities() {}

  static Verdict verify(SnpEvidence e, byte[] reportData) {
    Verdict.Builder out = Verdict.builder();
    new SnpEvidenceVerifier(VerifyOptions.builder().allowSimulatedAcknowledgingNoHardwareProtection(true).build())
        .verify(e, Optional.of(reportData), SnpPolicy.getDefaultInstance(), out);
    return out.build();
  }

  static byte[] reportData(int seed) {
    byte[] b = new byte[64];
    for (int i = 0; i < 64; i++) {
      b[i] = (byte) (seed + i);
    }
    return b;
  }
}
