package dev.gpucc.client.cli;

import dev.gpucc.proto.v1.SavedReceipt;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** Saves and loads receipts (binary gpucc.v1.SavedReceipt; docs/RECEIPTS.md). */
public final class ReceiptFiles {
  private ReceiptFiles() {}

  public static void write(Path file, SavedReceipt receipt) throws CliFailure {
    try {
      Files.write(file, receipt.toByteArray());
    } catch (IOException e) {
      throw new CliFailure(ExitCodes.USAGE, "--receipt: cannot write " + file + ": " + e.getMessage(), e);
    }
  }

  public static SavedReceipt read(Path file) throws UsageException {
    byte[] bytes = CliSupport.readFile(file, "receipt");
    try {
      SavedReceipt r = SavedReceipt.parseFrom(bytes);
      if (!"gpucc.v1.saved-receipt".equals(r.getFormat())) {
        throw new UsageException(file + " is not a gpucc receipt (format '" + r.getFormat() + "')");
      }
      return r;
    } catch (com.google.protobuf.InvalidProtocolBufferException e) {
      throw new UsageException(file + " is not a gpucc receipt: " + e.getMessage());
    }
  }
}
