package dev.gpucc.client.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;

/** Placeholder until the demo lands. */
@Command(name = "demo", description = "Multiply two random primes on an attested server and verify the proof.")
public final class DemoCommand implements Callable<Integer> {
  @Override
  public Integer call() throws Exception {
    throw new UsageException("'gpucc demo' is not available in this build yet");
  }
}
