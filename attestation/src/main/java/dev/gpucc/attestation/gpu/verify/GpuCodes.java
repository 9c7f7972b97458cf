package dev.gpucc.attestation.gpu.verify;

/**
 * Stable reason codes of GPU verification (part of the CLI's --json contract; do not rename).
 * Parse failures use {@link dev.gpucc.attestation.gpu.spdm.SpdmCodes}; chain-walk failures come
 * from {@link dev.gpucc.attestation.ChainVerifier} with prefix "GPU" (GPU_CHAIN_BROKEN,
 * GPU_CHAIN_SIGNATURE, GPU_CHAIN_NOT_CA, GPU_CERT_EXPIRED, GPU_CERT_NOT_YET_VALID).
 */
public final class GpuCodes {
  public static final String SIGNATURE_INVALID = "GPU_SIGNATURE_INVALID";
  public static final String NONCE_MISMATCH = "GPU_NONCE_MISMATCH";
  /** The evidence's own nonce field differs from the nonce inside the SPDM request. */
  public static final String NONCE_INCONSISTENT = "GPU_NONCE_INCONSISTENT";
  public static final String NONCE_NOT_CHECKED = "GPU_NONCE_NOT_CHECKED";
  public static final String CHAIN_MALFORMED = "GPU_CHAIN_MALFORMED";
  public static final String CHAIN_EMPTY = "GPU_CHAIN_EMPTY";
  public static final String CHAIN_LENGTH = "GPU_CHAIN_LENGTH";
  public static final String CHAIN_BROKEN = "GPU_CHAIN_BROKEN";
  public static final String UNKNOWN_ROOT = "GPU_UNKNOWN_ROOT";
  public static final String FWID_MISMATCH = "GPU_FWID_MISMATCH";
  /** NVML's driver/VBIOS strings (unsigned) differ from the signed opaque data. */
  public static final String VERSION_INCONSISTENT = "GPU_VERSION_INCONSISTENT";
  public static final String OCSP_UNAVAILABLE = "GPU_OCSP_UNAVAILABLE";
  public static final String OCSP_REVOKED = "GPU_OCSP_REVOKED";
  public static final String OCSP_FAILED = "GPU_OCSP_FAILED";
  public static final String RIM_MISMATCH = "GPU_RIM_MISMATCH";
  public static final String RIM_UNAVAILABLE = "GPU_RIM_UNAVAILABLE";
  public static final String RIM_MALFORMED = "GPU_RIM_MALFORMED";
  public static final String RIM_SIGNATURE_INVALID = "GPU_RIM_SIGNATURE_INVALID";
  public static final String RIM_OVERLAP = "GPU_RIM_OVERLAP";
  /** Prefix given to ChainVerifier for RIM signing chains (GPU_RIM_CERT_EXPIRED, ...). */
  public static final String RIM_PREFIX = "GPU_RIM";
  public static final String RIM_UNKNOWN_ROOT = "GPU_RIM_UNKNOWN_ROOT";

  private GpuCodes() {}
}
