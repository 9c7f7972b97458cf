package dev.gpucc.client.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;

/** {@code gpucc verify tdx}: not implemented yet in this build (reports so, exit 2). */
@Command(name = "tdx", description = "Verify raw Tdx evidence (not available in this build).")
public final class VerifyTdxCommand implements Callable<Integer> {
  @Override
  public Integer call() throws Exception {
    throw new UsageException("'gpucc verify tdx' is not available in this build yet");
  }
}
