package dev.gpucc.client.cli;

import dev.gpucc.client.AttestedSession;
import dev.gpucc.client.GpuccClientException;
import java.io.PrintWriter;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code gpucc attest}: challenge a server with a fresh nonce, show its proof and the verdict. */
@Command(name = "attest", description = "Challenge a server with a fresh nonce and verify its evidence against a policy.")
public final class AttestCommand implements Callable<Integer> {
  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Mixin TargetOptions target;

  @Option(names = "--json", description = "Print the verdict as JSON.")
  boolean json;

  @Option(names = "--verbose", description = "Show more detail on errors.")
  boolean verbose;

  @Override
  public Integer call() throws Exception {
    PrintWriter out = spec.commandLine().getOut();
    try (ClientConnection c = ClientConnection.open(target)) {
      try {
        AttestedSession s = c.client.attest();
        return VerdictPrinter.print(s.verdict(), json, out);
      } catch (GpuccClientException e) {
        if (e.verdict().isPresent()) {
          return VerdictPrinter.print(e.verdict().get(), json, out);
        }
        throw Failures.of(e);
      }
    }
  }
}
