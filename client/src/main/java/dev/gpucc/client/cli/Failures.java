package dev.gpucc.client.cli;

import dev.gpucc.client.GpuccClientException;

/** Maps client exceptions to CLI failures with exit codes (docs/CLI.md). */
final class Failures {
  private Failures() {}

  static CliFailure of(GpuccClientException e) {
    int code = switch (e.kind()) {
      case CONNECTION -> ExitCodes.CONNECTION;
      case JOB_FAILED -> ExitCodes.JOB_FAILED;
      case ATTESTATION_REJECTED, RECEIPT_REJECTED -> ExitCodes.REJECTED;
    };
    String hint = e.kind() == GpuccClientException.Kind.CONNECTION
        ? " (is 'gpucc serve' running there, and is the port right?)" : "";
    return new CliFailure(code, e.getMessage() + hint, e);
  }
}
