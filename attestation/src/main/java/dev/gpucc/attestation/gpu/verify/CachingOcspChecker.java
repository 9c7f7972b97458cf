package dev.gpucc.attestation.gpu.verify;

import dev.gpucc.attestation.AttestationVerificationException;
import dev.gpucc.attestation.VerifyOptions;
import java.security.cert.CertificateEncodingException;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Caches GOOD answers of another checker for a fixed time (the GPU chain's intermediates are
 * shared by every GPU of a model; asking once per TTL keeps the responder's load and the latency
 * down). Failures and REVOKED answers are never cached. Thread-safe; the clock is injectable.
 */
public final class CachingOcspChecker implements OcspChecker {
  private final OcspChecker delegate;
  private final Duration ttl;
  private final Clock clock;
  private final ConcurrentHashMap<Key, Instant> good = new ConcurrentHashMap<>();

  private record Key(byte[] cert, byte[] issuer) {
    @Override
    public boolean equals(Object o) {
      return o instanceof Key k && Arrays.equals(k.cert, cert) && Arrays.equals(k.issuer, issuer);
    }

    @Override
    public int hashCode() {
      return 31 * Arrays.hashCode(cert) + Arrays.hashCode(issuer);
    }
  }

  public CachingOcspChecker(OcspChecker delegate, Duration ttl, Clock clock) {
    this.delegate = Objects.requireNonNull(delegate, "delegate");
    this.ttl = Objects.requireNonNull(ttl, "ttl");
    this.clock = Objects.requireNonNull(clock, "clock");
  }

  @Override
  public void checkNotRevoked(X509Certificate cert, X509Certificate issuer, VerifyOptions options)
      throws AttestationVerificationException {
    Key key;
    try {
      key = new Key(cert.getEncoded(), issuer.getEncoded());
    } catch (CertificateEncodingException e) {
      delegate.checkNotRevoked(cert, issuer, options);
      return;
    }
    Instant until = good.get(key);
    if (until != null && clock.instant().isBefore(until)) {
      return;
    }
    delegate.checkNotRevoked(cert, issuer, options);
    good.put(key, clock.instant().plus(ttl));
  }

  @Override
  public String describe() {
    return delegate.describe() + " (cached " + ttl + ")";
  }
}
