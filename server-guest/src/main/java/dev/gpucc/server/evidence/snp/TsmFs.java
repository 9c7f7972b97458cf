package dev.gpucc.server.evidence.snp;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * The file operations the configfs-tsm provider performs, as a seam: production uses plain
 * java.nio on /sys/kernel/config; tests substitute a subclass that behaves like the kernel
 * (attribute files appear on mkdir, writes bump {@code generation}).
 */
public class TsmFs {
  /** mkdir: on configfs this creates the report instance and its attribute files. */
  public void mkdir(Path dir) throws IOException {
    Files.createDirectory(dir);
  }

  /** rmdir: on configfs this deletes the instance (attribute files go with it). */
  public void rmdir(Path dir) throws IOException {
    Files.delete(dir);
  }

  public boolean exists(Path p) {
    return Files.exists(p);
  }

  public String readText(Path p) throws IOException {
    return Files.readString(p, StandardCharsets.US_ASCII).trim();
  }

  public byte[] readBytes(Path p) throws IOException {
    return Files.readAllBytes(p);
  }

  /**
   * One open, ONE write, close. configfs commits binary attributes on close() and ignores the
   * store's return value (evidence-formats §2.3), so partial writes must never happen and a
   * rejected store is detected through {@code generation}, not here.
   */
  public void writeOnce(Path p, byte[] data) throws IOException {
    try (FileChannel ch = FileChannel.open(p, StandardOpenOption.WRITE)) {
      int n = ch.write(ByteBuffer.wrap(data));
      if (n != data.length) {
        throw new IOException("short write to " + p + ": " + n + " of " + data.length + " bytes");
      }
    }
  }
}
