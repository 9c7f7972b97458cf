package dev.gpucc.attestation;

/**
 * Bytes that do not parse as the evidence format they claim to be: wrong size, a length field
 * pointing past the end, a must-be-zero field that is not. Parsers throw only this (fuzzed).
 */
public class EvidenceFormatException extends Exception {
  private static final long serialVersionUID = 1L;
  private final String code;

  public EvidenceFormatException(String code, String message) {
    super(message);
    this.code = code;
  }

  public EvidenceFormatException(String code, String message, Throwable cause) {
    super(message, cause);
    this.code = code;
  }

  public String code() {
    return code;
  }

  /** As a verification failure, for callers that treat malformed evidence as rejected. */
  public AttestationVerificationException asVerificationFailure() {
    return new AttestationVerificationException(code, getMessage(), this);
  }
}
