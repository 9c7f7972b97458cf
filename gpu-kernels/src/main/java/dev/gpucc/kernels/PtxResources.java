package dev.gpucc.kernels;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Optional;

/** Loads packaged PTX (resources under /dev/gpucc/kernels/ptx/) and digests it. */
public final class PtxResources {
  private PtxResources() {}

  public static Optional<byte[]> load(String fileName) {
    try (InputStream in = PtxResources.class.getResourceAsStream("ptx/" + fileName)) {
      return in == null ? Optional.empty() : Optional.of(in.readAllBytes());
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read packaged PTX " + fileName, e);
    }
  }

  public static byte[] sha256(byte[] data) {
    try {
      return MessageDigest.getInstance("SHA-256").digest(data);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
