package dev.gpucc.attestation.snp.sim;

import java.util.Arrays;
import java.util.Objects;

/**
 * What a simulated report claims. Defaults: version 3, policy 0x30000 (SMT allowed, no debug, no
 * migration agent), VMPL 0, a fixed "gpucc simulated guest" measurement, zero host data/IDs.
 */
public final class SimulatedReportOptions {
  /** SHA-384("gpucc simulated guest") would be nicer, but a fixed pattern is easier to spot. */
  private static final byte[] DEFAULT_MEASUREMENT = fill(48, (byte) 0x5A);

  private final int version;
  private final long policy;
  private final int vmpl;
  private final byte[] measurement;
  private final byte[] hostData;
  private final byte[] familyId;
  private final byte[] imageId;
  private final byte[] idKeyDigest;
  private final int guestSvn;
  private final boolean maskChipId;
  private final boolean signWithVlek;

  private SimulatedReportOptions(Builder b) {
    this.version = b.version;
    this.policy = b.policy;
    this.vmpl = b.vmpl;
    this.measurement = b.measurement.clone();
    this.hostData = b.hostData.clone();
    this.familyId = b.familyId.clone();
    this.imageId = b.imageId.clone();
    this.idKeyDigest = b.idKeyDigest.clone();
    this.guestSvn = b.guestSvn;
    this.maskChipId = b.maskChipId;
    this.signWithVlek = b.signWithVlek;
  }

  public static SimulatedReportOptions defaults() {
    return builder().build();
  }

  public static Builder builder() {
    return new Builder();
  }

  public int version() {
    return version;
  }

  public long policy() {
    return policy;
  }

  public int vmpl() {
    return vmpl;
  }

  public byte[] measurement() {
    return measurement.clone();
  }

  public byte[] hostData() {
    return hostData.clone();
  }

  public byte[] familyId() {
    return familyId.clone();
  }

  public byte[] imageId() {
    return imageId.clone();
  }

  public byte[] idKeyDigest() {
    return idKeyDigest.clone();
  }

  public int guestSvn() {
    return guestSvn;
  }

  public boolean maskChipId() {
    return maskChipId;
  }

  public boolean signWithVlek() {
    return signWithVlek;
  }

  private static byte[] fill(int n, byte v) {
    byte[] b = new byte[n];
    Arrays.fill(b, v);
    return b;
  }

  /** Builder; {@link #build()} checks sizes and ranges. */
  public static final class Builder {
    private int version = 3;
    private long policy = 0x30000L;
    private int vmpl;
    private byte[] measurement = DEFAULT_MEASUREMENT;
    private byte[] hostData = new byte[32];
    private byte[] familyId = new byte[16];
    private byte[] imageId = new byte[16];
    private byte[] idKeyDigest = new byte[48];
    private int guestSvn;
    private boolean maskChipId;
    private boolean signWithVlek;

    /** Report format version 2..5 (2 has no CPUID fields, 5 adds mitigation vectors). */
    public Builder version(int v) {
      this.version = v;
      return this;
    }

    public Builder policy(long p) {
      this.policy = p;
      return this;
    }

    public Builder vmpl(int v) {
      this.vmpl = v;
      return this;
    }

    public Builder measurement(byte[] m) {
      this.measurement = Objects.requireNonNull(m).clone();
      return this;
    }

    public Builder hostData(byte[] h) {
      this.hostData = Objects.requireNonNull(h).clone();
      return this;
    }

    public Builder familyId(byte[] f) {
      this.familyId = Objects.requireNonNull(f).clone();
      return this;
    }

    public Builder imageId(byte[] i) {
      this.imageId = Objects.requireNonNull(i).clone();
      return this;
    }

    public Builder idKeyDigest(byte[] d) {
      this.idKeyDigest = Objects.requireNonNull(d).clone();
      return this;
    }

    public Builder guestSvn(int svn) {
      this.guestSvn = svn;
      return this;
    }

    /** Zero CHIP_ID as a host with MASK_CHIP_ID would. */
    public Builder maskChipId(boolean mask) {
      this.maskChipId = mask;
      return this;
    }

    /** Sign with the authority's VLEK (SIGNING_KEY=1, ASVK chain) instead of the VCEK. */
    public Builder signWithVlek(boolean vlek) {
      this.signWithVlek = vlek;
      return this;
    }

    public SimulatedReportOptions build() {
      if (version < 2 || version > 5) {
        throw new IllegalArgumentException("version must be 2..5, got " + version);
      }
      if (vmpl < 0 || vmpl > 3) {
        throw new IllegalArgumentException("vmpl must be 0..3, got " + vmpl);
      }
      check(measurement, 48, "measurement");
      check(hostData, 32, "hostData");
      check(familyId, 16, "familyId");
      check(imageId, 16, "imageId");
      check(idKeyDigest, 48, "idKeyDigest");
      return new SimulatedReportOptions(this);
    }

    private static void check(byte[] b, int len, String what) {
      if (b.length != len) {
        throw new IllegalArgumentException(what + " must be " + len + " bytes, got " + b.length);
      }
    }
  }
}
