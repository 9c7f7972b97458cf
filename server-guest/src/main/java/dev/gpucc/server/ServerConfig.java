package dev.gpucc.server;

import dev.gpucc.kernels.KernelLimits;
import java.time.Duration;
import java.util.Objects;

/**
 * Server settings (flags of {@code gpucc serve}; docs/SERVER.md). Immutable.
 *
 * @param cpuEvidence "auto" (real TEE interfaces only; fails when none works), "simulated", or a
 *     provider name ("configfs-tsm", "sev-guest", "tdx-configfs", "tdx-qgs")
 * @param gpuEvidence "auto" (NVML when present), "none", "simulated", or "nvml"
 * @param executor "auto" (CUDA when a GPU is usable, else CPU), "cpu" or "cuda"
 */
public record ServerConfig(
    String host,
    int port,
    KernelLimits limits,
    Duration jobTimeout,
    int maxConcurrentJobs,
    String cpuEvidence,
    String gpuEvidence,
    String executor,
    Duration sessionMaxAge) {

  public ServerConfig {
    Objects.requireNonNull(host, "host");
    Objects.requireNonNull(limits, "limits");
    Objects.requireNonNull(jobTimeout, "jobTimeout");
    if (port < 0 || port > 65535) {
      throw new IllegalArgumentException("port must be 0..65535, got " + port);
    }
    if (maxConcurrentJobs < 1) {
      throw new IllegalArgumentException("maxConcurrentJobs must be at least 1");
    }
  }

  /** Loopback, ephemeral port, simulated evidence, CPU executor: what `gpucc demo` embeds. */
  public static ServerConfig embeddedSimulated() {
    return new ServerConfig(
        "127.0.0.1", 0, KernelLimits.DEFAULTS, Duration.ofMinutes(5), 4, "simulated", "simulated", "cpu",
        Duration.ofHours(1));
  }

  public ServerConfig withPort(int newPort) {
    return new ServerConfig(host, newPort, limits, jobTimeout, maxConcurrentJobs, cpuEvidence, gpuEvidence, executor, sessionMaxAge);
  }

  public ServerConfig withLimits(KernelLimits newLimits) {
    return new ServerConfig(host, port, newLimits, jobTimeout, maxConcurrentJobs, cpuEvidence, gpuEvidence, executor, sessionMaxAge);
  }

  /** Largest request gRPC accepts: inputs plus room for the job spec and framing. */
  public int maxInboundMessageBytes() {
    long v = limits.maxInputBytes() + (1 << 20);
    return (int) Math.min(Integer.MAX_VALUE, v);
  }
}
