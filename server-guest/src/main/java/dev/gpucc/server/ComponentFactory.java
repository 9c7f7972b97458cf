package dev.gpucc.server;

import dev.gpucc.server.evidence.CpuEvidenceProvider;
import dev.gpucc.server.evidence.EvidenceProviderException;
import dev.gpucc.server.evidence.GpuEvidenceProvider;
import dev.gpucc.server.exec.CpuExecutor;
import dev.gpucc.server.exec.JobExecutor;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Assembles a server from its configuration: which CPU and GPU evidence providers and which
 * executors. A provider that is asked for and does not work is an error (never a silent fall back
 * to simulation); simulation happens only when configured.
 */
public final class ComponentFactory {
  private ComponentFactory() {}

  public static ServerComponents create(ServerConfig config) throws EvidenceProviderException {
    CpuEvidenceProvider cpu = cpuProvider(config.cpuEvidence());
    Optional<GpuEvidenceProvider> gpu = gpuProvider(config.gpuEvidence());
    List<JobExecutor> executors = new ArrayList<>();
    executors.add(new CpuExecutor());
    return new ServerComponents(new ExecutorSelector(executors), new EvidenceCollector(cpu, gpu));
  }

  static CpuEvidenceProvider cpuProvider(String name) throws EvidenceProviderException {
    switch (name) {
      case "simulated", "simulated-snp":
        return SimulatedProviders.snp();
      default:
        throw new EvidenceProviderException(
            "CPU evidence provider '" + name + "' is not available in this build; use --cpu-evidence simulated"
                + " on a machine without a TEE");
    }
  }

  static Optional<GpuEvidenceProvider> gpuProvider(String name) throws EvidenceProviderException {
    switch (name) {
      case "none":
        return Optional.empty();
      default:
        throw new EvidenceProviderException("GPU evidence provider '" + name + "' is not available in this build");
    }
  }

  /** Roots of the simulated providers in use (empty for real providers), for clients to pin. */
  public static List<X509Certificate> simulatedRoots(ServerComponents components) {
    List<X509Certificate> roots = new ArrayList<>();
    if (components.evidence().cpu() instanceof SimulatedRootHolder h) {
      roots.add(h.simulatedRoot());
    }
    components.evidence().gpu().ifPresent(g -> {
      if (g instanceof SimulatedRootHolder h) {
        roots.add(h.simulatedRoot());
      }
    });
    return roots;
  }
}
