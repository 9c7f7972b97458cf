package dev.gpucc.server;

import dev.gpucc.server.evidence.CpuEvidenceProvider;
import dev.gpucc.server.evidence.EvidenceProviderException;
import dev.gpucc.server.evidence.GpuEvidenceProvider;
import dev.gpucc.attestation.VerifyOptions;
import dev.gpucc.attestation.gpu.GpuEvidenceVerifier;
import dev.gpucc.proto.v1.GpuPolicy;
import dev.gpucc.server.evidence.gpu.GpuSelfCheck;
import dev.gpucc.server.evidence.gpu.NvmlGpuEvidenceProvider;
import java.security.SecureRandom;
import dev.gpucc.server.evidence.snp.SnpProviderSelector;
import dev.gpucc.server.evidence.tdx.TdxProviderSelector;
import dev.gpucc.server.exec.CpuExecutor;
import dev.gpucc.server.exec.ExecutionException;
import dev.gpucc.server.exec.JobExecutor;
import dev.gpucc.server.exec.cuda.CudaConfig;
import dev.gpucc.server.exec.cuda.CudaExecutor;
import dev.gpucc.server.exec.cuda.CudaExecutorFactory;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Assembles a server from its configuration: which CPU and GPU evidence providers and which
 * executors. A provider or executor that is asked for and does not work is an error (never a
 * silent fall back to simulation); simulation happens only when configured.
 */
public final class ComponentFactory {
  private ComponentFactory() {}

  public static ServerComponents create(ServerConfig config) throws ServerSetupException {
    CpuEvidenceProvider cpu;
    Optional<GpuEvidenceProvider> gpu;
    try {
      cpu = cpuProvider(config.cpuEvidence());
      gpu = gpuProvider(config.gpuEvidence());
    } catch (EvidenceProviderException e) {
      throw new ServerSetupException(e.getMessage(), e);
    }
    List<String> notes = new ArrayList<>();
    List<JobExecutor> executors = executors(config.executor(), notes);
    return new ServerComponents(new ExecutorSelector(executors), new EvidenceCollector(cpu, gpu), notes);
  }

  static CpuEvidenceProvider cpuProvider(String name) throws EvidenceProviderException {
    switch (name) {
      case "simulated", "simulated-snp":
        return SimulatedProviders.snp();
      case "simulated-tdx":
        return TdxProviderSelector.forThisMachine().select("simulated");
      case "configfs-tsm", "sev-guest-ioctl":
        return SnpProviderSelector.system(() -> null).select(SnpProviderSelector.Mode.parse(name));
      case "tdx-configfs-tsm":
        return TdxProviderSelector.forThisMachine().select("configfs-tsm");
      case "tdx-qgs-vsock":
        return TdxProviderSelector.forThisMachine().select("qgs-vsock");
      case "auto":
        return autoCpu();
      default:
        throw new EvidenceProviderException("unknown CPU evidence provider '" + name + "' (auto, configfs-tsm,"
            + " sev-guest-ioctl, tdx-configfs-tsm, tdx-qgs-vsock, simulated, simulated-tdx)");
    }
  }

  /** SEV-SNP interfaces first, then TDX; neither = an error that says how to simulate. */
  private static CpuEvidenceProvider autoCpu() throws EvidenceProviderException {
    try {
      return SnpProviderSelector.system(() -> null).select(SnpProviderSelector.Mode.AUTO);
    } catch (EvidenceProviderException snp) {
      try {
        return TdxProviderSelector.forThisMachine().select("auto");
      } catch (EvidenceProviderException tdx) {
        throw new EvidenceProviderException("this machine is not a confidential VM: " + snp.getMessage() + "; "
            + tdx.getMessage() + ". To run without a TEE, start with --simulate (evidence is then labelled SIMULATED)");
      }
    }
  }

  static Optional<GpuEvidenceProvider> gpuProvider(String name) throws EvidenceProviderException {
    if (name.startsWith("simulated:")) {
      GpuEvidenceProvider sim = SimulatedProviders.gpu(simulatedGpuCount(name));
      selfCheck(sim, true, Optional.empty());
      return Optional.of(sim);
    }
    switch (name) {
      case "none":
        return Optional.empty();
      case "simulated":
        GpuEvidenceProvider sim = SimulatedProviders.gpu();
        selfCheck(sim, true, Optional.empty());
        return Optional.of(sim);
      case "nvml":
        return Optional.of(checkedNvml(NvmlGpuEvidenceProvider.open()));
      case "auto":
        NvmlGpuEvidenceProvider nvml;
        try {
          nvml = NvmlGpuEvidenceProvider.open();
        } catch (EvidenceProviderException e) {
          // No NVML or no CC-mode GPU: a CPU-only server. Jobs then carry no GPU evidence, which
          // a policy with gpu.requireGpu rejects; nothing is simulated.
          return Optional.empty();
        }
        // A CC-mode GPU is present: its evidence must pass, or the server does not start.
        return Optional.of(checkedNvml(nvml));
      default:
        throw new EvidenceProviderException("unknown GPU evidence provider '" + name
            + "' (none, auto, nvml, simulated, simulated:N for N simulated GPUs)");
    }
  }

  private static int simulatedGpuCount(String name) throws EvidenceProviderException {
    try {
      int n = Integer.parseInt(name.substring("simulated:".length()));
      if (n >= 1 && n <= 16) {
        return n;
      }
    } catch (NumberFormatException e) {
      // reported below
    }
    throw new EvidenceProviderException("'" + name + "': the simulated GPU count must be 1..16");
  }

  private static NvmlGpuEvidenceProvider checkedNvml(NvmlGpuEvidenceProvider nvml) throws EvidenceProviderException {
    selfCheck(nvml, false, Optional.of(nvml::setGpusReady));
    return nvml;
  }

  /**
   * As NVIDIA's tools do: verify the GPUs' own evidence for a fresh nonce before they are set
   * ready and the server accepts jobs (GpuSelfCheck sets them not-ready on failure).
   */
  private static void selfCheck(GpuEvidenceProvider provider, boolean simulated,
      Optional<GpuSelfCheck.ReadyState> ready) throws EvidenceProviderException {
    VerifyOptions options = VerifyOptions.builder().allowSimulatedAcknowledgingNoHardwareProtection(simulated).build();
    new GpuSelfCheck(new GpuEvidenceVerifier(options), GpuPolicy.getDefaultInstance(), new SecureRandom())
        .run(provider, ready);
  }

  static List<JobExecutor> executors(String name, List<String> notes) throws ServerSetupException {
    List<JobExecutor> out = new ArrayList<>();
    switch (name) {
      case "cpu" -> notes.add("CPU executor (configured)");
      case "cuda" -> {
        try {
          out.add(CudaExecutor.open(CudaConfig.DEFAULTS));
        } catch (ExecutionException | LinkageError e) {
          throw new ServerSetupException("executor 'cuda' was configured but no CUDA device can be used: " + e.getMessage(), e);
        }
      }
      case "auto" -> {
        CudaExecutorFactory.Selection s = CudaExecutorFactory.select(CudaConfig.DEFAULTS);
        notes.add(s.reason());
        if (s.isCuda()) {
          out.add(s.executor());
        }
      }
      default -> throw new ServerSetupException("unknown executor '" + name + "' (auto, cuda, cpu)", null);
    }
    out.add(new CpuExecutor());
    return out;
  }

  /** Roots of the simulated providers in use (empty for real providers), for clients to pin. */
  public static List<X509Certificate> simulatedRoots(ServerComponents components) {
    return SimulatedProviders.roots(components);
  }
}
