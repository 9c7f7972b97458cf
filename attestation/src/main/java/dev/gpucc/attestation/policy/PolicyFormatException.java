package dev.gpucc.attestation.policy;

/** A policy file that does not parse or contains an invalid value; the message says which key. */
public class PolicyFormatException extends Exception {
  private static final long serialVersionUID = 1L;

  public PolicyFormatException(String message) {
    super(message);
  }

  public PolicyFormatException(String message, Throwable cause) {
    super(message, cause);
  }
}
