package dev.gpucc.client.cli;

import dev.gpucc.attestation.policy.Policies;
import dev.gpucc.attestation.policy.PolicyFormatException;
import dev.gpucc.proto.v1.Policy;
import java.io.IOException;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import picocli.CommandLine.Option;

/** --target and --policy, shared by the commands that talk to a server. */
public final class TargetOptions {
  @Option(names = "--target", paramLabel = "HOST:PORT", description = "gpucc server to use.")
  String target;

  @Option(names = "--policy", paramLabel = "FILE", description = "Verification policy (JSON, docs/POLICY.md). Default: secure defaults.")
  Path policyFile;

  /** Parsed HOST:PORT, or a usage error. */
  public static HostPort parseTarget(String target) throws UsageException {
    int colon = target.lastIndexOf(':');
    if (colon <= 0 || colon == target.length() - 1) {
      throw new UsageException("--target must be HOST:PORT, got '" + target + "'");
    }
    String host = target.substring(0, colon);
    if (host.startsWith("[") && host.endsWith("]")) {
      host = host.substring(1, host.length() - 1);
    }
    try {
      int port = Integer.parseInt(target.substring(colon + 1));
      if (port < 1 || port > 65535) {
        throw new NumberFormatException();
      }
      return new HostPort(host, port);
    } catch (NumberFormatException e) {
      throw new UsageException("--target port must be 1..65535, got '" + target.substring(colon + 1) + "'");
    }
  }

  public Policy loadPolicy() throws UsageException {
    return loadPolicy(policyFile);
  }

  public static Policy loadPolicy(Path file) throws UsageException {
    if (file == null) {
      return Policies.secureDefault();
    }
    try {
      return Policies.load(file);
    } catch (NoSuchFileException e) {
      throw new UsageException("--policy: file not found: " + file);
    } catch (IOException e) {
      throw new UsageException("--policy: cannot read " + file + ": " + e.getMessage());
    } catch (PolicyFormatException e) {
      throw new UsageException("--policy " + file + ": " + e.getMessage());
    }
  }

  /** A parsed target. */
  public record HostPort(String host, int port) {}
}
