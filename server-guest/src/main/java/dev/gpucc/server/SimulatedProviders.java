package dev.gpucc.server;

import dev.gpucc.server.evidence.CpuEvidenceProvider;
import dev.gpucc.server.evidence.EvidenceProviderException;

/** Placeholder until the simulated SNP authority lands. */
final class SimulatedProviders {
  private SimulatedProviders() {}

  static CpuEvidenceProvider snp() throws EvidenceProviderException {
    throw new EvidenceProviderException("simulated SNP evidence is not available in this build");
  }
}
