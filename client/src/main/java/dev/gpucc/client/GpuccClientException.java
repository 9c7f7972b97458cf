package dev.gpucc.client;

import dev.gpucc.attestation.Verdict;
import java.util.Optional;

/** A client operation failed; {@link #kind()} says how (the CLI maps kinds to exit codes). */
public class GpuccClientException extends Exception {
  private static final long serialVersionUID = 1L;

  /** Failure classes. */
  public enum Kind {
    /** The server could not be reached or the call failed in transport. */
    CONNECTION,
    /** The server's evidence failed verification or policy: nothing was sent. */
    ATTESTATION_REJECTED,
    /** The server refused or failed the job (gRPC status). */
    JOB_FAILED,
    /** The job ran, but its receipt failed verification: outputs must not be used. */
    RECEIPT_REJECTED,
  }

  private final Kind kind;
  private final transient Verdict verdict;

  public GpuccClientException(Kind kind, String message, Verdict verdict, Throwable cause) {
    super(message, cause);
    this.kind = kind;
    this.verdict = verdict;
  }

  public Kind kind() {
    return kind;
  }

  public Optional<Verdict> verdict() {
    return Optional.ofNullable(verdict);
  }
}
