package dev.gpucc.server.evidence.tdx;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * The few file operations the configfs-tsm protocol needs (evidence-formats §2.3), as a seam so
 * tests can run the real protocol against a temporary directory that reacts like configfs.
 * {@link #real()} is plain NIO on {@code /sys/kernel/config/tsm/report} or any given root.
 */
public interface TsmReportFs {
  /** Creates a report instance directory (the kernel populates its attributes). */
  void mkdir(Path dir) throws IOException;

  /** Writes a whole binary attribute in one open/write/close (configfs commits on close). */
  void write(Path file, byte[] data) throws IOException;

  byte[] read(Path file) throws IOException;

  void rmdir(Path dir) throws IOException;

  static TsmReportFs real() {
    return new TsmReportFs() {
      @Override
      public void mkdir(Path dir) throws IOException {
        Files.createDirectory(dir);
      }

      @Override
      public void write(Path file, byte[] data) throws IOException {
        Files.write(file, data, StandardOpenOption.WRITE, StandardOpenOption.TRUNCATE_EXISTING);
      }

      @Override
      public byte[] read(Path file) throws IOException {
        return Files.readAllBytes(file);
      }

      @Override
      public void rmdir(Path dir) throws IOException {
        Files.delete(dir);
      }
    };
  }
}
