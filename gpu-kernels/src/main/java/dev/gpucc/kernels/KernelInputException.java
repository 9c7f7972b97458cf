package dev.gpucc.kernels;

/**
 * A job's parameters or inputs do not fit the kernel (wrong count, wrong size, not a number,
 * over a configured limit). The message is shown to the client as is (gRPC INVALID_ARGUMENT),
 * so it says what is wrong and what the limit is.
 */
public class KernelInputException extends Exception {
  private static final long serialVersionUID = 1L;

  public KernelInputException(String message) {
    super(message);
  }
}
