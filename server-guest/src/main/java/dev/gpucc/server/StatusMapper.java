package dev.gpucc.server;

import dev.gpucc.kernels.KernelInputException;
import dev.gpucc.server.evidence.EvidenceProviderException;
import dev.gpucc.server.exec.ExecutionException;
import io.grpc.Status;
import java.util.UUID;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The one place where failures become gRPC statuses. Descriptions say what went wrong and what to
 * do; stack traces stay in the server log (an unexpected error gets an incident id to match them).
 */
public final class StatusMapper {
  private static final Logger LOG = Logger.getLogger(StatusMapper.class.getName());

  private StatusMapper() {}

  public static Status toStatus(Throwable t) {
    if (t instanceof RequestException r) {
      return Status.fromCode(r.code()).withDescription(r.getMessage());
    }
    if (t instanceof KernelInputException) {
      return Status.INVALID_ARGUMENT.withDescription(t.getMessage());
    }
    if (t instanceof ExecutionException e) {
      return executionStatus(e.kind()).withDescription(e.getMessage());
    }
    if (t instanceof EvidenceProviderException) {
      return Status.UNAVAILABLE.withDescription("evidence could not be collected: " + t.getMessage());
    }
    String incident = UUID.randomUUID().toString();
    LOG.log(Level.SEVERE, "unexpected error, incident " + incident, t);
    return Status.INTERNAL.withDescription(
        "internal server error (incident " + incident + "); the server log has the details");
  }

  static Status executionStatus(ExecutionException.Kind kind) {
    return switch (kind) {
      case UNSUPPORTED -> Status.FAILED_PRECONDITION;
      case RESOURCE_EXHAUSTED -> Status.RESOURCE_EXHAUSTED;
      case TIMEOUT -> Status.DEADLINE_EXCEEDED;
      case CANCELLED -> Status.CANCELLED;
      case KERNEL_FAILED -> Status.ABORTED;
      case DEVICE_ERROR -> Status.UNAVAILABLE;
    };
  }
}
