package dev.gpucc.attestation.gpu.rim;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Gets the driver and VBIOS RIMs by their ids from a {@link RimFetcher}. */
public final class FetchingRimProvider implements RimProvider {
  private final RimFetcher fetcher;

  public FetchingRimProvider(RimFetcher fetcher) {
    this.fetcher = fetcher;
  }

  @Override
  public List<byte[]> rimsFor(RimIds ids) throws IOException {
    List<byte[]> out = new ArrayList<>();
    for (Optional<String> id : List.of(ids.driverId(), ids.vbiosId())) {
      if (id.isPresent()) {
        fetcher.fetch(id.get()).ifPresent(out::add);
      }
    }
    return out;
  }
}
