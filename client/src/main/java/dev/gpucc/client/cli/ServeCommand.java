package dev.gpucc.client.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;

/** Placeholder until the demo lands. */
@Command(name = "serve", description = "Start the gpucc server.")
public final class ServeCommand implements Callable<Integer> {
  @Override
  public Integer call() throws Exception {
    throw new UsageException("'gpucc serve' is not available in this build yet");
  }
}
