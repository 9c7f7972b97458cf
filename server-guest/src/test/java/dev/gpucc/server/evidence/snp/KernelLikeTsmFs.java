package dev.gpucc.server.evidence.snp;

import dev.gpucc.attestation.snp.sim.SimulatedAmdAuthority;
import dev.gpucc.proto.v1.SnpEvidence;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.stream.Stream;

/**
 * A temp-directory tree that behaves like configfs-tsm (kernel drivers/virt/coco/guest/report.c):
 * mkdir creates the attribute files, each write bumps {@code generation}, reading outblob
 * regenerates the report and auxblob when the write generation moved. It can play a concurrent
 * writer that bumps the generation while outblob is read.
 */
class KernelLikeTsmFs extends TsmFs {
  private final SimulatedAmdAuthority authority;
  private final String provider;
  private final Map<Path, long[]> gens = new HashMap<>(); // {write, read}
  int interferences;
  int outblobReads;
  String lastPrivlevel;

  KernelLikeTsmFs(SimulatedAmdAuthority authority, String provider) {
    this.authority = authority;
    this.provider = provider;
  }

  @Override
  public void mkdir(Path dir) throws IOException {
    super.mkdir(dir);
    Files.writeString(dir.resolve("provider"), provider + "\n");
    Files.writeString(dir.resolve("generation"), "0\n");
    for (String f : new String[] {"inblob", "outblob", "auxblob", "privlevel"}) {
      Files.write(dir.resolve(f), new byte[0]);
    }
    gens.put(dir, new long[] {0, -1});
  }

  @Override
  public void rmdir(Path dir) throws IOException {
    try (Stream<Path> files = Files.list(dir)) {
      for (Path p : (Iterable<Path>) files::iterator) {
        Files.delete(p);
      }
    }
    gens.remove(dir);
    super.rmdir(dir);
  }

  @Override
  public void writeOnce(Path p, byte[] data) throws IOException {
    if (p.getFileName().toString().equals("inblob") && data.length > 64) {
      throw new IOException("EFBIG");
    }
    Files.write(p, data);
    if (p.getFileName().toString().equals("privlevel")) {
      lastPrivlevel = new String(data, StandardCharsets.US_ASCII);
    }
    bump(p.getParent());
  }

  private void bump(Path dir) throws IOException {
    long[] g = gens.get(dir);
    g[0]++;
    Files.writeString(dir.resolve("generation"), g[0] + "\n");
  }

  @Override
  public byte[] readBytes(Path p) throws IOException {
    Path dir = p.getParent();
    long[] g = gens.get(dir);
    if (p.getFileName().toString().equals("outblob")) {
      outblobReads++;
      if (interferences > 0) {
        interferences--;
        bump(dir); // another process wrote to our instance
      }
      if (g[1] != g[0]) {
        byte[] in = Files.readAllBytes(dir.resolve("inblob"));
        if (in.length != 64) {
          throw new IOException("EINVAL: inblob must be 64 bytes");
        }
        SnpEvidence e = authority.attest(in);
        Files.write(dir.resolve("outblob"), e.getReport().toByteArray());
        Files.write(dir.resolve("auxblob"), e.getCertTable().toByteArray());
        g[1] = g[0];
      }
    }
    return super.readBytes(p);
  }
}
