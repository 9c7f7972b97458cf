package dev.gpucc.server.evidence.tdx;

import dev.gpucc.attestation.tdx.sim.SimulatedIntelAuthority;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A temporary directory that reacts like configfs-tsm (evidence-formats §2.3): mkdir creates the
 * attribute files, a whole write to inblob bumps {@code generation} and regenerates outblob (a
 * real simulated quote over the inblob), rmdir removes the instance. Knobs simulate a foreign
 * writer (extra generation bumps) and another provider.
 */
final class FakeConfigfsTsm implements TsmReportFs {
  private final TsmReportFs real = TsmReportFs.real();
  private final SimulatedIntelAuthority authority;
  String provider = "tdx_guest";
  /** Number of upcoming inblob writes that another writer races with (generation +2). */
  int interferences;
  final AtomicInteger mkdirs = new AtomicInteger();

  FakeConfigfsTsm(SimulatedIntelAuthority authority) {
    this.authority = authority;
  }

  @Override
  public void mkdir(Path dir) throws IOException {
    real.mkdir(dir);
    mkdirs.incrementAndGet();
    Files.writeString(dir.resolve("provider"), provider + "\n");
    Files.writeString(dir.resolve("generation"), "0\n");
    Files.write(dir.resolve("inblob"), new byte[0]);
    Files.write(dir.resolve("outblob"), new byte[0]);
  }

  @Override
  public void write(Path file, byte[] data) throws IOException {
    if (!file.getFileName().toString().equals("inblob")) {
      throw new IOException("read-only attribute " + file);
    }
    if (data.length > 64) {
      throw new IOException("File too large (EFBIG)");
    }
    real.write(file, data);
    Path gen = file.resolveSibling("generation");
    long g = Long.parseLong(Files.readString(gen).strip()) + 1;
    if (interferences > 0) {
      interferences--;
      g++;
    }
    Files.writeString(gen, g + "\n");
    try {
      Files.write(file.resolveSibling("outblob"), data.length == 64
          ? authority.attest(data).getQuote().toByteArray() : new byte[0]);
    } catch (java.security.GeneralSecurityException e) {
      throw new IOException(e);
    }
  }

  @Override
  public byte[] read(Path file) throws IOException {
    return real.read(file);
  }

  @Override
  public void rmdir(Path dir) throws IOException {
    try (var s = Files.list(dir)) {
      for (Path p : s.toList()) {
        Files.delete(p);
      }
    }
    real.rmdir(dir);
  }

  static String text(Path p) throws IOException {
    return new String(Files.readAllBytes(p), StandardCharsets.US_ASCII);
  }
}
