package dev.gpucc.client.cli;

import dev.gpucc.attestation.policy.Policies;
import dev.gpucc.client.AttestedSession;
import dev.gpucc.client.GpuccClientException;
import dev.gpucc.proto.v1.Policy;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code gpucc policy init --target HOST:PORT}: attests the server under the given (or default)
 * policy and writes a policy that pins what its evidence shows (measurement, TCB, GPU versions),
 * for the user to review. The evidence must pass the base policy first: a policy is never
 * derived from evidence that failed verification.
 */
@Command(name = "init", description = "Write a policy pinning a server's current evidence (review before use).")
public final class PolicyInitCommand implements Callable<Integer> {
  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Mixin TargetOptions target;

  @Option(names = "--output", paramLabel = "FILE", description = "Write here instead of standard output.")
  Path output;

  @Override
  public Integer call() throws Exception {
    PrintWriter out = spec.commandLine().getOut();
    Policy base = target.loadPolicy();
    try (ClientConnection c = ClientConnection.open(target)) {
      AttestedSession s;
      try {
        s = c.client.attest();
      } catch (GpuccClientException e) {
        if (e.verdict().isPresent()) {
          out.println("The server's evidence does not pass the base policy; no policy was written.");
          VerdictPrinter.print(e.verdict().get(), false, out);
          return ExitCodes.REJECTED;
        }
        throw Failures.of(e);
      }
      Policy pinned = PolicyFromClaims.pin(base, s.verdict().claims());
      String json = Policies.toJson(pinned) + "\n";
      if (output == null) {
        out.print(json);
      } else {
        try {
          Files.writeString(output, json);
        } catch (IOException e) {
          throw new UsageException("--output: cannot write " + output + ": " + e.getMessage());
        }
        out.println("wrote " + output + ": review it, then use it with --policy");
      }
      out.flush();
      return ExitCodes.OK;
    }
  }
}
