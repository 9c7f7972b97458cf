package dev.gpucc.server;

import io.grpc.Status;

/** A request the server refuses before running anything; carries the status code to answer with. */
public class RequestException extends Exception {
  private static final long serialVersionUID = 1L;
  private final transient Status.Code code;

  public RequestException(Status.Code code, String message) {
    super(message);
    this.code = code;
  }

  public Status.Code code() {
    return code;
  }

  public static RequestException invalid(String message) {
    return new RequestException(Status.Code.INVALID_ARGUMENT, message);
  }
}
