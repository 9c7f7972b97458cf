package dev.gpucc.attestation;

import java.util.Objects;

/**
 * Why evidence was rejected (or a warning about it): a stable machine-readable code and a
 * one-line human message that names the field, the expected and the actual value where there
 * are any.
 *
 * <p>Codes are upper snake case and grouped by prefix ({@code SNP_}, {@code TDX_}, {@code GPU_},
 * {@code TRANSCRIPT_}, {@code POLICY_}, {@code CHAIN_}...). They are part of the CLI's
 * {@code --json} contract and must not be renamed casually.
 */
public record Reason(String code, String message) {
  public Reason {
    Objects.requireNonNull(code, "code");
    Objects.requireNonNull(message, "message");
  }

  @Override
  public String toString() {
    return code + ": " + message;
  }
}
