package dev.gpucc.client.cli;

import dev.gpucc.attestation.policy.Policies;
import dev.gpucc.attestation.policy.PolicyChecker;
import dev.gpucc.attestation.policy.PolicyFormatException;
import dev.gpucc.proto.v1.Policy;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/** {@code gpucc policy check|init}. */
@Command(name = "policy", description = "Check a policy file, or write one from a server's current evidence.",
    subcommands = {PolicyCommand.Check.class, PolicyInitCommand.class})
public final class PolicyCommand implements Runnable {
  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Override
  public void run() {
    spec.commandLine().usage(spec.commandLine().getOut());
  }

  /** {@code gpucc policy check FILE}: exit 0 valid, 1 invalid (each problem explained), 2 unreadable. */
  @Command(name = "check", description = "Validate a policy file and explain every problem.")
  public static final class Check implements Callable<Integer> {
    @CommandLine.Spec CommandLine.Model.CommandSpec spec;

    @Parameters(index = "0", paramLabel = "FILE")
    Path file;

    @picocli.CommandLine.Option(names = "--json", description = "Print {\"valid\": bool, \"problems\": [...]}.")
    boolean json;

    @Override
    public Integer call() throws Exception {
      PrintWriter out = spec.commandLine().getOut();
      String text;
      try {
        text = Files.readString(file);
      } catch (IOException e) {
        throw new UsageException("cannot read " + file + ": " + e.getMessage());
      }
      Policy policy = null;
      List<String> problems;
      try {
        policy = Policies.parse(text);
        problems = PolicyChecker.check(policy);
      } catch (PolicyFormatException e) {
        problems = List.of(e.getMessage());
      }
      if (json) {
        java.util.Map<String, Object> m = new java.util.LinkedHashMap<>();
        m.put("file", file.toString());
        m.put("valid", problems.isEmpty());
        m.put("problems", problems);
        out.println(new com.google.gson.GsonBuilder().setPrettyPrinting().disableHtmlEscaping().create().toJson(m));
        out.flush();
        return problems.isEmpty() ? ExitCodes.OK : ExitCodes.REJECTED;
      }
      if (problems.isEmpty()) {
        out.println(file + ": OK" + (policy.getAllowSimulated() ? " (note: allowSimulated is true: simulated evidence is accepted)" : ""));
        out.flush();
        return ExitCodes.OK;
      }
      out.println(file + ": INVALID");
      problems.forEach(p -> out.println("  - " + p));
      out.flush();
      return ExitCodes.REJECTED;
    }
  }
}
