package dev.gpucc.server.exec;

import dev.gpucc.kernels.KernelLimits;
import java.time.Instant;
import java.util.function.BooleanSupplier;

/**
 * What an executor may consult while running a job: limits, a deadline, a cancellation signal
 * (the client went away) and a progress sink.
 */
public record JobContext(
    String jobId,
    KernelLimits limits,
    Instant deadline,
    BooleanSupplier cancelled,
    ProgressSink progress) {

  /** Receives progress updates (phase name, fraction of the whole job 0..1). */
  @FunctionalInterface
  public interface ProgressSink {
    void report(String phase, double fraction, String message);
  }

  public void checkAlive() throws ExecutionException {
    if (cancelled.getAsBoolean()) {
      throw new ExecutionException(ExecutionException.Kind.CANCELLED, "job " + jobId + " was cancelled");
    }
    if (Instant.now().isAfter(deadline)) {
      throw new ExecutionException(ExecutionException.Kind.TIMEOUT, "job " + jobId + " exceeded its time limit");
    }
  }
}
