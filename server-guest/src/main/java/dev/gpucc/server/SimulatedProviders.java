package dev.gpucc.server;

import dev.gpucc.server.evidence.CpuEvidenceProvider;
import dev.gpucc.server.evidence.snp.SimulatedSnpProvider;

/** The simulated providers, for servers configured to simulate (no TEE on the machine). */
final class SimulatedProviders {
  private SimulatedProviders() {}

  static CpuEvidenceProvider snp() {
    return SimulatedSnpProvider.generate();
  }
}
