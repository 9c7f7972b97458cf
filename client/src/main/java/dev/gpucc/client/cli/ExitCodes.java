package dev.gpucc.client.cli;

/**
 * Exit codes of the gpucc command (docs/CLI.md). Scripts rely on these; do not renumber.
 */
public final class ExitCodes {
  /** Evidence accepted / command succeeded. */
  public static final int OK = 0;
  /** Evidence rejected (including malformed evidence). */
  public static final int REJECTED = 1;
  /** Usage error: bad flag, missing or unreadable file. */
  public static final int USAGE = 2;
  /** Could not reach or talk to the server. */
  public static final int CONNECTION = 3;
  /** The server accepted the evidence check but the job itself failed. */
  public static final int JOB_FAILED = 4;
  /** Internal error (a bug): please report. */
  public static final int INTERNAL = 70;

  private ExitCodes() {}
}
