package dev.gpucc.attestation.snp.sim;

import dev.gpucc.attestation.snp.abi.SnpProductLine;

/** Simulated authorities shared by test classes: RSA-4096 key generation takes seconds. */
public final class TestAuthorities {
  private static SimulatedAmdAuthority milanWithVlek;

  private TestAuthorities() {}

  /** Milan, with ASVK and VLEK. */
  public static synchronized SimulatedAmdAuthority milan() {
    if (milanWithVlek == null) {
      milanWithVlek = SimulatedAmdAuthority.generateWithVlek(SnpProductLine.MILAN);
    }
    return milanWithVlek;
  }
}
