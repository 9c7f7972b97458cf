package dev.gpucc.attestation.tdx.abi;

import dev.gpucc.attestation.EvidenceFormatException;

/**
 * The TD report body of a quote (Intel {@code sgx_report2_body_t} / QVL {@code TDReport10}, 584
 * bytes; TDX 1.5 body type 3 appends TEE_TCB_SVN2 and MRSERVICETD, 648 bytes). Offsets per
 * evidence-formats §3.2. Immutable; arrays are copied out.
 */
public final class TdReportBody {
  /** Body size for TDX 1.0 (v4 quotes and v5 body type 2). */
  public static final int SIZE_TDX10 = 584;
  /** Body size for TDX 1.5 (v5 body type 3). */
  public static final int SIZE_TDX15 = 648;
  /** TDATTRIBUTES bit 0: the TD is debuggable (host can read its memory). */
  public static final long TD_ATTRIBUTES_DEBUG = 1L;

  private final int bodyType;
  private final byte[] teeTcbSvn;
  private final byte[] mrSeam;
  private final byte[] mrSignerSeam;
  private final byte[] seamAttributes;
  private final byte[] tdAttributes;
  private final byte[] xfam;
  private final byte[] mrTd;
  private final byte[] mrConfigId;
  private final byte[] mrOwner;
  private final byte[] mrOwnerConfig;
  private final byte[][] rtmr = new byte[4][];
  private final byte[] reportData;
  private final byte[] teeTcbSvn2;
  private final byte[] mrServiceTd;

  private TdReportBody(LeReader r, int base, int bodyType) throws EvidenceFormatException {
    this.bodyType = bodyType;
    teeTcbSvn = r.bytes(base, 16);
    mrSeam = r.bytes(base + 16, 48);
    mrSignerSeam = r.bytes(base + 64, 48);
    seamAttributes = r.bytes(base + 112, 8);
    tdAttributes = r.bytes(base + 120, 8);
    xfam = r.bytes(base + 128, 8);
    mrTd = r.bytes(base + 136, 48);
    mrConfigId = r.bytes(base + 184, 48);
    mrOwner = r.bytes(base + 232, 48);
    mrOwnerConfig = r.bytes(base + 280, 48);
    for (int i = 0; i < 4; i++) {
      rtmr[i] = r.bytes(base + 328 + 48 * i, 48);
    }
    reportData = r.bytes(base + 520, 64);
    if (bodyType == 3) {
      teeTcbSvn2 = r.bytes(base + 584, 16);
      mrServiceTd = r.bytes(base + 600, 48);
    } else {
      teeTcbSvn2 = null;
      mrServiceTd = null;
    }
  }

  /**
   * @param bodyType 2 (TDX 1.0, also used for v4 quotes) or 3 (TDX 1.5)
   */
  static TdReportBody parse(LeReader r, int base, int bodyType) throws EvidenceFormatException {
    return new TdReportBody(r, base, bodyType);
  }

  /** 2 = TDX 1.0 (always for v4), 3 = TDX 1.5. */
  public int bodyType() {
    return bodyType;
  }

  public byte[] teeTcbSvn() {
    return teeTcbSvn.clone();
  }

  public byte[] mrSeam() {
    return mrSeam.clone();
  }

  public byte[] mrSignerSeam() {
    return mrSignerSeam.clone();
  }

  public byte[] seamAttributes() {
    return seamAttributes.clone();
  }

  /** TDATTRIBUTES as the 8 raw bytes (little-endian u64). */
  public byte[] tdAttributes() {
    return tdAttributes.clone();
  }

  /** TDATTRIBUTES as a little-endian u64. */
  public long tdAttributesValue() {
    long v = 0;
    for (int i = 7; i >= 0; i--) {
      v = v << 8 | (tdAttributes[i] & 0xffL);
    }
    return v;
  }

  public boolean debug() {
    return (tdAttributesValue() & TD_ATTRIBUTES_DEBUG) != 0;
  }

  public byte[] xfam() {
    return xfam.clone();
  }

  public byte[] mrTd() {
    return mrTd.clone();
  }

  public byte[] mrConfigId() {
    return mrConfigId.clone();
  }

  public byte[] mrOwner() {
    return mrOwner.clone();
  }

  public byte[] mrOwnerConfig() {
    return mrOwnerConfig.clone();
  }

  /** RTMR0..3. */
  public byte[] rtmr(int index) {
    return rtmr[index].clone();
  }

  public byte[] reportData() {
    return reportData.clone();
  }

  /** TEE_TCB_SVN2 (TDX 1.5 bodies only), else null. */
  public byte[] teeTcbSvn2() {
    return teeTcbSvn2 == null ? null : teeTcbSvn2.clone();
  }

  /** MRSERVICETD (TDX 1.5 bodies only), else null. */
  public byte[] mrServiceTd() {
    return mrServiceTd == null ? null : mrServiceTd.clone();
  }
}
