package dev.gpucc.client.cli;

/** A usage problem the user can fix (bad flag value, missing file). Exit code 2. */
public class UsageException extends Exception {
  private static final long serialVersionUID = 1L;

  public UsageException(String message) {
    super(message);
  }

  public UsageException(String message, Throwable cause) {
    super(message, cause);
  }
}
