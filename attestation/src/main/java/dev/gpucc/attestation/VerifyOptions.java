package dev.gpucc.attestation;

import java.security.Provider;
import java.time.Instant;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;
import org.bouncycastle.jce.provider.BouncyCastleProvider;

/**
 * What every verifier needs besides the evidence: the JCE provider (passed explicitly, never
 * taken from the global list), the verification instant (injectable: many real certificates and
 * collateral items in the test vectors are expired now), and whether simulated roots are trusted.
 *
 * <p>Immutable. Build with {@link #builder()}; {@link #defaults()} is the secure default: Bouncy
 * Castle, now, simulated roots rejected.
 */
public final class VerifyOptions {
  /**
   * One shared Bouncy Castle instance: constructing a provider registers hundreds of algorithms
   * and costs milliseconds (JMH showed it dominating a verified job's latency); the provider is
   * stateless and thread-safe, so sharing it is safe.
   */
  private static final Provider SHARED_BC = new BouncyCastleProvider();

  private final Provider provider;
  private final Instant at;
  private final boolean allowSimulated;
  private final Set<String> simulatedRootSha256;

  private VerifyOptions(Builder b) {
    this.provider = Objects.requireNonNull(b.provider, "provider");
    this.at = Objects.requireNonNull(b.at, "at");
    this.allowSimulated = b.allowSimulated;
    this.simulatedRootSha256 =
        b.simulatedRootSha256.stream()
            .map(s -> s.toLowerCase(Locale.ROOT))
            .collect(Collectors.toUnmodifiableSet());
  }

  public static VerifyOptions defaults() {
    return builder().build();
  }

  public static Builder builder() {
    return new Builder();
  }

  public Builder toBuilder() {
    return new Builder()
        .provider(provider)
        .at(at)
        .allowSimulatedAcknowledgingNoHardwareProtection(allowSimulated)
        .simulatedRootSha256(simulatedRootSha256);
  }

  public Provider provider() {
    return provider;
  }

  /** The instant at which certificates, CRLs and collateral must be valid. */
  public Instant at() {
    return at;
  }

  public boolean allowSimulated() {
    return allowSimulated;
  }

  /** Lower-case hex SHA-256 of DER of trusted simulated roots; empty = any simulated root. */
  public Set<String> simulatedRootSha256() {
    return simulatedRootSha256;
  }

  /** Builder; every field has a secure default. */
  public static final class Builder {
    private Provider provider = SHARED_BC;
    private Instant at = Instant.now();
    private boolean allowSimulated;
    private Set<String> simulatedRootSha256 = Set.of();

    public Builder provider(Provider p) {
      this.provider = Objects.requireNonNull(p, "provider");
      return this;
    }

    public Builder at(Instant instant) {
      this.at = Objects.requireNonNull(instant, "at");
      return this;
    }

    /**
     * DANGEROUS: trust evidence signed by gpucc-simulated roots. Such evidence proves nothing
     * about the hardware; verdicts built with it are labelled SIMULATED.
     */
    public Builder allowSimulatedAcknowledgingNoHardwareProtection(boolean allow) {
      this.allowSimulated = allow;
      return this;
    }

    public Builder simulatedRootSha256(Set<String> fingerprints) {
      this.simulatedRootSha256 = Set.copyOf(fingerprints);
      return this;
    }

    public VerifyOptions build() {
      return new VerifyOptions(this);
    }
  }
}
