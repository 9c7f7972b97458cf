package dev.gpucc.client.cli;

import java.io.PrintWriter;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The gpucc command. Each subcommand is its own class; docs/CLI.md lists them and the exit codes. */
@Command(
    name = "gpucc",
    mixinStandardHelpOptions = true,
    versionProvider = GpuccCli.Version.class,
    description = "Run GPU jobs in confidential VMs and verify the proof of every result.",
    subcommands = {
      DemoCommand.class,
      ServeCommand.class,
      AttestCommand.class,
      CapabilitiesCommand.class,
      SubmitCommand.class,
      PolicyCommand.class,
      VerifyCommand.class,
      CommandLine.HelpCommand.class
    })
public final class GpuccCli implements Runnable {
  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  public static void main(String[] args) {
    quietLogging();
    System.exit(run(args, new PrintWriter(System.out, true), new PrintWriter(System.err, true)));
  }

  /** Runs the CLI with the given streams; returns the exit code (tests call this). */
  public static int run(String[] args, PrintWriter out, PrintWriter err) {
    CommandLine cl = new CommandLine(new GpuccCli());
    cl.setOut(out);
    cl.setErr(err);
    cl.setExecutionExceptionHandler(new ErrorHandler());
    cl.setParameterExceptionHandler(
        (ex, a) -> {
          ex.getCommandLine().getErr().println("gpucc: " + ex.getMessage());
          ex.getCommandLine().getErr().println("Try 'gpucc help " + ex.getCommandLine().getCommandName() + "'.");
          return ExitCodes.USAGE;
        });
    return cl.execute(args);
  }

  /** Library logs go to stderr only from WARNING up; the commands print what the user needs. */
  static void quietLogging() {
    java.util.logging.Logger root = java.util.logging.Logger.getLogger("");
    root.setLevel(java.util.logging.Level.WARNING);
    for (java.util.logging.Handler h : root.getHandlers()) {
      h.setLevel(java.util.logging.Level.WARNING);
    }
  }

  @Override
  public void run() {
    spec.commandLine().usage(spec.commandLine().getOut());
  }

  /** Version from the jar manifest (falls back to "dev" when run from classes). */
  static final class Version implements CommandLine.IVersionProvider {
    @Override
    public String[] getVersion() {
      String v = GpuccCli.class.getPackage().getImplementationVersion();
      return new String[] {"gpucc " + (v == null ? "dev" : v)};
    }
  }

  /** Turns exceptions into one-line messages and exit codes; --verbose shows the stack trace. */
  static final class ErrorHandler implements CommandLine.IExecutionExceptionHandler {
    @Override
    public int handleExecutionException(
        Exception ex, CommandLine cl, CommandLine.ParseResult parseResult) {
      PrintWriter err = cl.getErr();
      boolean verbose = false;
      for (CommandLine.ParseResult pr = parseResult; pr != null; pr = pr.subcommand()) {
        verbose |= pr.hasMatchedOption("--verbose");
      }
      if (ex instanceof UsageException) {
        err.println("gpucc: " + ex.getMessage());
        return ExitCodes.USAGE;
      }
      if (ex instanceof CliFailure f) {
        err.println("gpucc: " + f.getMessage());
        if (verbose && f.getCause() != null) {
          f.getCause().printStackTrace(err);
        }
        return f.exitCode();
      }
      err.println("gpucc: internal error: " + ex + " (run with --verbose for details; please report)");
      if (verbose) {
        ex.printStackTrace(err);
      }
      return ExitCodes.INTERNAL;
    }
  }
}
