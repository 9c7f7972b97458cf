package dev.gpucc.server;

/** The server cannot start as configured (a provider or executor asked for does not work). */
public class ServerSetupException extends Exception {
  private static final long serialVersionUID = 1L;

  public ServerSetupException(String message, Throwable cause) {
    super(message, cause);
  }
}
