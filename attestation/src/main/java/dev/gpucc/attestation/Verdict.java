package dev.gpucc.attestation;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The outcome of verifying and validating evidence: ACCEPTED only when there is no rejection
 * reason. Claims are what the evidence says (measurement, TCB, versions...), kept for display
 * and audit whatever the verdict. Warnings never change the verdict.
 */
public final class Verdict {
  private final List<Reason> reasons;
  private final List<Reason> warnings;
  private final Map<String, Object> claims;
  private final boolean simulated;

  private Verdict(Builder b) {
    this.reasons = List.copyOf(b.reasons);
    this.warnings = List.copyOf(b.warnings);
    this.claims = Collections.unmodifiableMap(new LinkedHashMap<>(b.claims));
    this.simulated = b.simulated;
  }

  public boolean accepted() {
    return reasons.isEmpty();
  }

  public List<Reason> reasons() {
    return reasons;
  }

  public List<Reason> warnings() {
    return warnings;
  }

  /** Claims in insertion order; values are strings, numbers, booleans, lists or maps. */
  public Map<String, Object> claims() {
    return claims;
  }

  /** True when any accepted evidence chains to a gpucc-simulated root. */
  public boolean simulated() {
    return simulated;
  }

  public static Builder builder() {
    return new Builder();
  }

  /** Collects reasons and claims while checks run; checks keep going after a failure. */
  public static final class Builder {
    private final List<Reason> reasons = new ArrayList<>();
    private final List<Reason> warnings = new ArrayList<>();
    private final Map<String, Object> claims = new LinkedHashMap<>();
    private boolean simulated;

    public Builder reject(String code, String message) {
      reasons.add(new Reason(code, message));
      return this;
    }

    public Builder reject(Reason reason) {
      reasons.add(reason);
      return this;
    }

    public Builder rejectAll(List<Reason> more) {
      reasons.addAll(more);
      return this;
    }

    public Builder warn(String code, String message) {
      warnings.add(new Reason(code, message));
      return this;
    }

    public Builder claim(String key, Object value) {
      claims.put(key, value);
      return this;
    }

    public Builder simulated(boolean value) {
      simulated = simulated || value;
      return this;
    }

    public boolean hasRejections() {
      return !reasons.isEmpty();
    }

    public Verdict build() {
      return new Verdict(this);
    }
  }
}
