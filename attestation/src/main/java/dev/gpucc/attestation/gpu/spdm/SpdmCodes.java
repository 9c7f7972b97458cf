package dev.gpucc.attestation.gpu.spdm;

/**
 * Stable reason codes for GPU evidence that does not parse (part of the CLI's --json contract).
 */
public final class SpdmCodes {
  /** A length field points past the end of the evidence, or the signature is cut short. */
  public static final String TRUNCATED = "GPU_EVIDENCE_TRUNCATED";
  /** Bytes follow the 96-byte signature. */
  public static final String TRAILING_DATA = "GPU_EVIDENCE_TRAILING_DATA";
  /** SPDMVersion is not 0x11 (SPDM 1.1). */
  public static final String VERSION = "GPU_SPDM_VERSION";
  /** RequestResponseCode is not GET_MEASUREMENTS (0xE0) / MEASUREMENTS (0x60). */
  public static final String CODE = "GPU_SPDM_CODE";
  /** Param1 does not request a signature, or Param2 does not ask for all blocks. */
  public static final String PARAMS = "GPU_SPDM_PARAMS";
  /** A measurement block is not in DMTF format or its sizes disagree. */
  public static final String MEASUREMENT = "GPU_MEASUREMENT_MALFORMED";
  /** Two measurement blocks have the same index. */
  public static final String MEASUREMENT_DUPLICATE = "GPU_MEASUREMENT_DUPLICATE";
  /** An opaque-data TLV is cut short or malformed. */
  public static final String OPAQUE = "GPU_OPAQUE_MALFORMED";
  /** An opaque-data type occurs twice (trustee rejects this too). */
  public static final String OPAQUE_DUPLICATE = "GPU_OPAQUE_DUPLICATE";

  private SpdmCodes() {}
}
