package dev.gpucc.attestation.gpu.rim;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * RIMs from a local directory, one file per id: {@code <id>}, {@code <id>.swidtag} or
 * {@code <id>.xml} (for air-gapped verifiers that mirror NVIDIA's RIM service).
 */
public final class DirectoryRimFetcher implements RimFetcher {
  private final Path dir;

  public DirectoryRimFetcher(Path dir) {
    this.dir = dir;
  }

  @Override
  public Optional<byte[]> fetch(String rimId) throws IOException {
    String id = RimFetcher.checkId(rimId);
    for (String name : new String[] {id, id + ".swidtag", id + ".xml"}) {
      Path p = dir.resolve(name);
      if (Files.isRegularFile(p)) {
        return Optional.of(Files.readAllBytes(p));
      }
    }
    return Optional.empty();
  }
}
