package dev.gpucc.client.cli;

import dev.gpucc.client.ProgressListener;
import java.io.PrintWriter;

/**
 * Shows a job's streamed progress: a one-line bar redrawn in place on a terminal, plain lines
 * otherwise (logs, pipes, CI).
 */
final class ProgressDisplay implements ProgressListener {
  private static final int WIDTH = 30;
  private final PrintWriter err;
  private final boolean terminal;
  private String lastPhase = "";

  ProgressDisplay(PrintWriter err, boolean terminal) {
    this.err = err;
    this.terminal = terminal;
  }

  /** A terminal when a console is attached and TERM is not "dumb". */
  static ProgressDisplay forStderr(PrintWriter err) {
    boolean tty = System.console() != null && !"dumb".equals(System.getenv("TERM"));
    return new ProgressDisplay(err, tty);
  }

  @Override
  public synchronized void onProgress(String phase, double fraction, String message) {
    if (terminal) {
      int filled = (int) Math.round(Math.max(0, Math.min(1, fraction)) * WIDTH);
      err.printf("\r[%s%s] %3d%% %-10s %s\u001b[K", "#".repeat(filled), ".".repeat(WIDTH - filled),
          Math.round(fraction * 100), phase, message);
    } else if (!phase.equals(lastPhase)) {
      err.printf("progress: %3d%% %s: %s%n", Math.round(fraction * 100), phase, message);
    }
    lastPhase = phase;
    err.flush();
  }

  /** Ends the bar's line (terminal mode). */
  synchronized void finish() {
    if (terminal) {
      err.println();
      err.flush();
    }
  }
}
