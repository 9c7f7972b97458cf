package dev.gpucc.attestation;

import java.util.List;

/**
 * Evidence failed verification. Verifiers never return booleans: they return normally or throw
 * this, carrying one or more {@link Reason}s.
 */
public class AttestationVerificationException extends Exception {
  private static final long serialVersionUID = 1L;
  private final List<Reason> reasons;

  public AttestationVerificationException(String code, String message) {
    this(List.of(new Reason(code, message)), null);
  }

  public AttestationVerificationException(String code, String message, Throwable cause) {
    this(List.of(new Reason(code, message)), cause);
  }

  public AttestationVerificationException(List<Reason> reasons) {
    this(reasons, null);
  }

  private AttestationVerificationException(List<Reason> reasons, Throwable cause) {
    super(summary(reasons), cause);
    if (reasons.isEmpty()) {
      throw new IllegalArgumentException("at least one reason is required");
    }
    this.reasons = List.copyOf(reasons);
  }

  public List<Reason> reasons() {
    return reasons;
  }

  /** The first reason's code, convenient for tests and exit-code mapping. */
  public String code() {
    return reasons.get(0).code();
  }

  private static String summary(List<Reason> reasons) {
    if (reasons.isEmpty()) {
      return "";
    }
    StringBuilder sb = new StringBuilder();
    for (Reason r : reasons) {
      if (sb.length() > 0) {
        sb.append("; ");
      }
      sb.append(r);
    }
    return sb.toString();
  }
}
