package dev.gpucc.client.cli;

import dev.gpucc.attestation.Hex;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Instant;
import java.time.format.DateTimeParseException;

/** Small helpers shared by commands: reading files and flags with usage errors, not stack traces. */
public final class CliSupport {
  private CliSupport() {}

  public static byte[] readFile(Path file, String flag) throws UsageException {
    try {
      return Files.readAllBytes(file);
    } catch (NoSuchFileException e) {
      throw new UsageException(flag + ": file not found: " + file);
    } catch (IOException e) {
      throw new UsageException(flag + ": cannot read " + file + ": " + e.getMessage());
    }
  }

  /** Parses --at: ISO-8601 instant (2025-06-01T00:00:00Z) or date (2025-06-01, UTC midnight). */
  public static Instant parseInstant(String text, String flag) throws UsageException {
    if (text == null) {
      return Instant.now();
    }
    try {
      if (text.length() == 10) {
        return Instant.parse(text + "T00:00:00Z");
      }
      return Instant.parse(text);
    } catch (DateTimeParseException e) {
      throw new UsageException(flag + ": not an ISO-8601 instant (e.g. 2025-06-01T00:00:00Z): " + text);
    }
  }

  /**
   * Verification options for the verify commands: the instant is --at when given, else the
   * policy's verificationTime, else now; simulated roots as the policy says.
   */
  public static dev.gpucc.attestation.VerifyOptions verifyOptions(dev.gpucc.proto.v1.Policy policy, String at)
      throws UsageException {
    Instant instant = at != null ? parseInstant(at, "--at")
        : policy.getVerificationTime().isEmpty() ? Instant.now()
        : parseInstant(policy.getVerificationTime(), "policy verificationTime");
    return dev.gpucc.attestation.EvidenceVerifier.optionsFor(policy, instant).toBuilder().at(instant).build();
  }

  public static byte[] parseHex(String text, int length, String flag) throws UsageException {
    try {
      return Hex.decode(text, length, flag);
    } catch (IllegalArgumentException e) {
      throw new UsageException(flag + ": " + e.getMessage());
    }
  }
}
