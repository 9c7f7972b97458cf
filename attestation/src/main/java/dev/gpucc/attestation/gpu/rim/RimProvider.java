package dev.gpucc.attestation.gpu.rim;

import java.io.IOException;
import java.util.List;

/**
 * Supplies candidate RIM documents (raw SWID XML) for a GPU. Either a fixed list given by the
 * caller ({@link #of}) or a fetcher by RIM id ({@link FetchingRimProvider}); never an implicit
 * network access.
 */
public interface RimProvider {
  /** The RIMs to consider for these ids; may return more (the verifier selects by version). */
  List<byte[]> rimsFor(RimIds ids) throws IOException;

  /** A fixed set of RIM documents (CLI {@code --rim FILE}). */
  static RimProvider of(List<byte[]> documents) {
    List<byte[]> copy = documents.stream().map(byte[]::clone).toList();
    return ids -> copy;
  }
}
