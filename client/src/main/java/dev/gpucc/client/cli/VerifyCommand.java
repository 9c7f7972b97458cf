package dev.gpucc.client.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * {@code gpucc verify snp|tdx|gpu}: verify raw evidence produced by any tool. Same contract for
 * each: exit 0 accepted, 1 rejected (including malformed evidence), 2 usage error; --json prints
 * {"verdict", "reasons": [{"code","message"}], "claims"}.
 */
@Command(
    name = "verify",
    description = "Verify raw evidence (SNP report, TDX quote, GPU report) against a policy.",
    subcommands = {VerifySnpCommand.class, VerifyTdxCommand.class, VerifyGpuCommand.class, VerifyReceiptCommand.class})
public final class VerifyCommand implements Runnable {
  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Override
  public void run() {
    spec.commandLine().usage(spec.commandLine().getOut());
  }
}
