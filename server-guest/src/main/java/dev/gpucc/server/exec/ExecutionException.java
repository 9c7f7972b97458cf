package dev.gpucc.server.exec;

/**
 * A job failed while running (not because of its inputs). The kind decides the gRPC status; the
 * message is shown to the client, so it carries no stack trace and no secret.
 */
public class ExecutionException extends Exception {
  private static final long serialVersionUID = 1L;

  /** Failure classes, each mapped to one gRPC status code by the service. */
  public enum Kind {
    /** The executor cannot run this job here (e.g. custom PTX without a GPU). FAILED_PRECONDITION. */
    UNSUPPORTED,
    /** Device or server memory limit. RESOURCE_EXHAUSTED. */
    RESOURCE_EXHAUSTED,
    /** Job time limit. DEADLINE_EXCEEDED. */
    TIMEOUT,
    /** The client cancelled or disconnected. CANCELLED. */
    CANCELLED,
    /** The kernel faulted or failed to load (bad PTX, launch failure, illegal address). ABORTED. */
    KERNEL_FAILED,
    /** Device unavailable or driver error. UNAVAILABLE. */
    DEVICE_ERROR,
  }

  private final Kind kind;

  public ExecutionException(Kind kind, String message) {
    super(message);
    this.kind = kind;
  }

  public ExecutionException(Kind kind, String message, Throwable cause) {
    super(message, cause);
    this.kind = kind;
  }

  public Kind kind() {
    return kind;
  }
}
