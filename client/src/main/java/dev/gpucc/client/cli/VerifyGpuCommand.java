package dev.gpucc.client.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;

/** {@code gpucc verify gpu}: not implemented yet in this build (reports so, exit 2). */
@Command(name = "gpu", description = "Verify raw Gpu evidence (not available in this build).")
public final class VerifyGpuCommand implements Callable<Integer> {
  @Override
  public Integer call() throws Exception {
    throw new UsageException("'gpucc verify gpu' is not available in this build yet");
  }
}
