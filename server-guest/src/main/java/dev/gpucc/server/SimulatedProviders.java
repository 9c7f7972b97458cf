package dev.gpucc.server;

import dev.gpucc.attestation.gpu.sim.SimulatedNvidiaAuthority;
import dev.gpucc.attestation.snp.abi.SnpProductLine;
import dev.gpucc.attestation.snp.sim.SimulatedAmdAuthority;
import dev.gpucc.server.evidence.CpuEvidenceProvider;
import dev.gpucc.server.evidence.GpuEvidenceProvider;
import dev.gpucc.server.evidence.gpu.SimulatedGpuProvider;
import dev.gpucc.server.evidence.snp.SimulatedSnpProvider;
import dev.gpucc.server.evidence.tdx.SimulatedTdxProvider;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.List;

/**
 * The simulated providers, for servers explicitly configured to simulate (no TEE, no CC GPU).
 * Each simulated hierarchy is made once per process (RSA-4096 keys take seconds) and never leaves
 * memory; a new process has new keys.
 */
public final class SimulatedProviders {
  private SimulatedProviders() {}

  /** Lazily made on first use (holder idiom: thread-safe without locks). */
  private static final class Amd {
    static final SimulatedAmdAuthority INSTANCE = SimulatedAmdAuthority.generate(SnpProductLine.MILAN);
  }

  private static final class Nvidia {
    static final SimulatedNvidiaAuthority INSTANCE = SimulatedNvidiaAuthority.generate();
  }

  static CpuEvidenceProvider snp() {
    return new SimulatedSnpProvider(Amd.INSTANCE);
  }

  static GpuEvidenceProvider gpu() {
    return gpu(1);
  }

  static GpuEvidenceProvider gpu(int count) {
    return new SimulatedGpuProvider(Nvidia.INSTANCE, count);
  }

  /** Roots of the simulated providers in use (empty for real providers), for clients to pin. */
  public static List<X509Certificate> roots(ServerComponents components) {
    List<X509Certificate> roots = new ArrayList<>();
    if (components.evidence().cpu() instanceof SimulatedSnpProvider p) {
      roots.add(p.authority().ark());
    } else if (components.evidence().cpu() instanceof SimulatedTdxProvider p) {
      roots.add(p.authority().root());
    }
    components.evidence().gpu().ifPresent(g -> {
      if (g instanceof SimulatedGpuProvider p) {
        roots.add(p.authority().rootCertificate());
      }
    });
    return roots;
  }
}
