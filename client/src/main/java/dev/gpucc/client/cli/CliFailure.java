package dev.gpucc.client.cli;

/** A failure with a known exit code and a one-line message (e.g. cannot connect: exit 3). */
public class CliFailure extends Exception {
  private static final long serialVersionUID = 1L;
  private final int exitCode;

  public CliFailure(int exitCode, String message) {
    super(message);
    this.exitCode = exitCode;
  }

  public CliFailure(int exitCode, String message, Throwable cause) {
    super(message, cause);
    this.exitCode = exitCode;
  }

  public int exitCode() {
    return exitCode;
  }
}
