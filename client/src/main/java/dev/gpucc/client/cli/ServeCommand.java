package dev.gpucc.client.cli;

import dev.gpucc.attestation.SimulatedRoots;
import dev.gpucc.kernels.KernelLimits;
import dev.gpucc.server.ComponentFactory;
import dev.gpucc.server.GpuccServer;
import dev.gpucc.server.ServerComponents;
import dev.gpucc.server.ServerConfig;
import dev.gpucc.server.ServerSetupException;
import java.io.PrintWriter;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code gpucc serve}: runs the gpucc server (inside the confidential VM, or simulated anywhere). */
@Command(name = "serve", description = "Start the gpucc server and print where it listens and what it uses.")
public final class ServeCommand implements Callable<Integer> {
  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Option(names = "--listen", defaultValue = "127.0.0.1", description = "Address to listen on (default ${DEFAULT-VALUE}).")
  String host;

  @Option(names = "--port", defaultValue = "7443", description = "Port (default ${DEFAULT-VALUE}; 0 = any free port).")
  int port;

  @Option(names = "--cpu-evidence", defaultValue = "auto",
      description = "CPU evidence provider: auto (real TEE only), simulated, or a provider name (default ${DEFAULT-VALUE}).")
  String cpuEvidence;

  @Option(names = "--gpu-evidence", defaultValue = "auto",
      description = "GPU evidence provider: none, simulated, nvml or auto (default ${DEFAULT-VALUE}).")
  String gpuEvidence;

  @Option(names = "--executor", defaultValue = "auto", description = "auto (CUDA when a GPU is usable, else CPU), cuda or cpu (default ${DEFAULT-VALUE}).")
  String executor;

  @Option(names = "--simulate", description = "Shorthand for --cpu-evidence simulated --gpu-evidence simulated (no TEE here).")
  boolean simulate;

  @Option(names = "--max-operand-bits", defaultValue = "1048576", description = "Largest prime-multiply operand (default ${DEFAULT-VALUE}).")
  int maxOperandBits;

  @Option(names = "--max-input-bytes", defaultValue = "268435456", description = "Largest total input per job (default ${DEFAULT-VALUE}).")
  long maxInputBytes;

  @Option(names = "--job-timeout-seconds", defaultValue = "300", description = "Job time limit (default ${DEFAULT-VALUE}).")
  long jobTimeoutSeconds;

  @Option(names = "--max-concurrent-jobs", defaultValue = "4", description = "Jobs run at once (default ${DEFAULT-VALUE}).")
  int maxConcurrentJobs;

  @Option(names = "--verbose", description = "Show more detail on errors.")
  boolean verbose;

  @Option(names = "--json", description = "Print the start-up description as one JSON object.")
  boolean json;

  @Option(names = "--config", paramLabel = "FILE",
      description = "Settings file (properties: option names without dashes, e.g. port=7443); flags win.")
  java.nio.file.Path configFile;

  @Override
  public Integer call() throws Exception {
    PrintWriter out = spec.commandLine().getOut();
    if (configFile != null) {
      ConfigFile.apply(configFile, spec.commandLine());
    }
    ServerConfig config = config();
    ServerComponents components;
    try {
      components = ComponentFactory.create(config);
    } catch (ServerSetupException e) {
      throw new CliFailure(ExitCodes.USAGE, "cannot start: " + e.getMessage(), e);
    }
    GpuccServer server = new GpuccServer(config, components);
    try {
      server.start();
    } catch (java.io.IOException e) {
      throw new CliFailure(ExitCodes.CONNECTION, "cannot listen on " + host + ":" + port + ": " + e.getMessage(), e);
    }
    describe(out, server, components);
    Runtime.getRuntime().addShutdownHook(new Thread(() -> {
      try {
        server.stop();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }));
    server.blockUntilShutdown();
    return ExitCodes.OK;
  }

  private ServerConfig config() throws UsageException {
    if (port < 0 || port > 65535) {
      throw new UsageException("--port must be 0..65535, got " + port);
    }
    try {
      KernelLimits limits = new KernelLimits(maxOperandBits, KernelLimits.DEFAULTS.maxBatchPairs(), maxInputBytes,
          KernelLimits.DEFAULTS.maxOutputBytes());
      return new ServerConfig(host, port, limits, Duration.ofSeconds(jobTimeoutSeconds), maxConcurrentJobs,
          simulate ? "simulated" : cpuEvidence, simulate ? "simulated" : gpuEvidence, executor, Duration.ofHours(1));
    } catch (IllegalArgumentException e) {
      throw new UsageException(e.getMessage());
    }
  }

  private void describe(PrintWriter out, GpuccServer server, ServerComponents c) {
    if (json) {
      java.util.Map<String, Object> m = new java.util.LinkedHashMap<>();
      m.put("listen", host);
      m.put("port", server.port());
      m.put("tls_key_digest", dev.gpucc.attestation.Hex.encode(server.tlsIdentity().keyDigest()));
      m.put("cpu_evidence", c.evidence().cpu().name());
      m.put("cpu_evidence_simulated", c.evidence().cpu().simulated());
      m.put("gpu_evidence", c.evidence().gpu().map(g -> g.name()).orElse("none"));
      m.put("executors", c.executors().infos().stream().map(i -> i.getKind() + " " + i.getDevice()).toList());
      m.put("simulated_root_sha256", ComponentFactory.simulatedRoots(c).stream().map(SimulatedRoots::sha256Hex).toList());
      out.println(new com.google.gson.Gson().toJson(m));
      out.flush();
      return;
    }
    out.println("gpucc server listening on " + host + ":" + server.port() + " (TLS, key made at start-up)");
    out.println("  TLS key digest:     " + dev.gpucc.attestation.Hex.encode(server.tlsIdentity().keyDigest()));
    out.println("  CPU evidence:       " + c.evidence().cpu().name() + (c.evidence().cpu().simulated() ? " (SIMULATED)" : ""));
    out.println("  GPU evidence:       " + c.evidence().gpu().map(g -> g.name() + (g.simulated() ? " (SIMULATED)" : "")).orElse("none"));
    out.println("  executors:          " + c.executors().infos().stream().map(i -> i.getKind() + " " + i.getDevice()).toList());
    c.notes().forEach(n -> out.println("  note:               " + n));
    for (X509Certificate root : ComponentFactory.simulatedRoots(c)) {
      out.println("  simulated root:     " + SimulatedRoots.sha256Hex(root) + "  (pin with simulatedRootSha256)");
    }
    out.flush();
  }
}
