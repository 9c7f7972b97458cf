package dev.gpucc.server.evidence;

/**
 * Evidence could not be collected (device missing, ioctl or NVML error, busy). Never answered by
 * falling back to simulation: the job fails with this message (gRPC UNAVAILABLE).
 */
public class EvidenceProviderException extends Exception {
  private static final long serialVersionUID = 1L;

  public EvidenceProviderException(String message) {
    super(message);
  }

  public EvidenceProviderException(String message, Throwable cause) {
    super(message, cause);
  }
}
