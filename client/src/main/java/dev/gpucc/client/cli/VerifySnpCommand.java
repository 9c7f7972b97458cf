package dev.gpucc.client.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;

/** {@code gpucc verify snp}: not implemented yet in this build (reports so, exit 2). */
@Command(name = "snp", description = "Verify raw Snp evidence (not available in this build).")
public final class VerifySnpCommand implements Callable<Integer> {
  @Override
  public Integer call() throws Exception {
    throw new UsageException("'gpucc verify snp' is not available in this build yet");
  }
}
