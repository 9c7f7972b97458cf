package dev.gpucc.attestation.gpu.rim;

import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Caches found RIMs of another fetcher for a fixed time (RIMs are signed and immutable per
 * version; the signature is still checked on every use). Misses and errors are not cached.
 */
public final class CachingRimFetcher implements RimFetcher {
  private record Entry(byte[] rim, Instant until) {}

  private final RimFetcher delegate;
  private final Duration ttl;
  private final Clock clock;
  private final ConcurrentHashMap<String, Entry> cache = new ConcurrentHashMap<>();

  public CachingRimFetcher(RimFetcher delegate, Duration ttl, Clock clock) {
    this.delegate = Objects.requireNonNull(delegate, "delegate");
    this.ttl = Objects.requireNonNull(ttl, "ttl");
    this.clock = Objects.requireNonNull(clock, "clock");
  }

  @Override
  public Optional<byte[]> fetch(String rimId) throws IOException {
    Entry e = cache.get(rimId);
    if (e != null && clock.instant().isBefore(e.until())) {
      return Optional.of(e.rim().clone());
    }
    Optional<byte[]> got = delegate.fetch(rimId);
    got.ifPresent(b -> cache.put(rimId, new Entry(b.clone(), clock.instant().plus(ttl))));
    return got;
  }
}
