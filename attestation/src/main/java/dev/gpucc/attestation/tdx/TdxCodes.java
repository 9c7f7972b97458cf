package dev.gpucc.attestation.tdx;

/**
 * Stable reason codes for Intel TDX evidence (part of the CLI {@code --json} contract, listed in
 * docs/TDX.md). Parser codes come from {@link dev.gpucc.attestation.EvidenceFormatException}.
 */
public final class TdxCodes {
  // Parsing (EvidenceFormatException codes).
  public static final String QUOTE_TRUNCATED = "TDX_QUOTE_TRUNCATED";
  public static final String QUOTE_MALFORMED = "TDX_QUOTE_MALFORMED";
  public static final String UNSUPPORTED_VERSION = "TDX_UNSUPPORTED_VERSION";
  public static final String UNSUPPORTED_KEY_TYPE = "TDX_UNSUPPORTED_KEY_TYPE";
  public static final String UNSUPPORTED_TEE_TYPE = "TDX_UNSUPPORTED_TEE_TYPE";
  public static final String UNSUPPORTED_BODY_TYPE = "TDX_UNSUPPORTED_BODY_TYPE";
  public static final String UNSUPPORTED_CERT_DATA = "TDX_UNSUPPORTED_CERT_DATA";
  public static final String PCK_EXTENSION_MALFORMED = "TDX_PCK_EXTENSION_MALFORMED";
  public static final String COLLATERAL_MALFORMED = "TDX_COLLATERAL_MALFORMED";

  // Quote verification.
  public static final String QE_VENDOR_UNKNOWN = "TDX_QE_VENDOR_UNKNOWN";
  public static final String QUOTE_SIGNATURE_INVALID = "TDX_QUOTE_SIGNATURE_INVALID";
  public static final String QE_REPORT_SIGNATURE_INVALID = "TDX_QE_REPORT_SIGNATURE_INVALID";
  public static final String QE_REPORT_DATA_MISMATCH = "TDX_QE_REPORT_DATA_MISMATCH";
  public static final String PCK_CHAIN_MALFORMED = "TDX_PCK_CHAIN_MALFORMED";
  public static final String PCK_CHAIN_UNTRUSTED_ROOT = "TDX_PCK_CHAIN_UNTRUSTED_ROOT";
  public static final String PCK_LEAF_INVALID = "TDX_PCK_LEAF_INVALID";
  public static final String CERT_EXPIRED = "TDX_CERT_EXPIRED";
  public static final String CERT_NOT_YET_VALID = "TDX_CERT_NOT_YET_VALID";
  public static final String PCK_REVOKED = "TDX_PCK_REVOKED";

  // Collateral.
  public static final String COLLATERAL_MISSING = "TDX_COLLATERAL_MISSING";
  public static final String COLLATERAL_SIGNATURE_INVALID = "TDX_COLLATERAL_SIGNATURE_INVALID";
  public static final String COLLATERAL_CHAIN_UNTRUSTED = "TDX_COLLATERAL_CHAIN_UNTRUSTED";
  public static final String COLLATERAL_EXPIRED = "TDX_COLLATERAL_EXPIRED";
  public static final String COLLATERAL_MISMATCH = "TDX_COLLATERAL_MISMATCH";
  public static final String CRL_INVALID = "TDX_CRL_INVALID";
  public static final String QE_IDENTITY_MISMATCH = "TDX_QE_IDENTITY_MISMATCH";
  public static final String TDX_MODULE_MISMATCH = "TDX_MODULE_MISMATCH";
  public static final String TCB_NOT_SUPPORTED = "TDX_TCB_NOT_SUPPORTED";

  // Policy.
  public static final String TCB_STATUS = "TDX_TCB_STATUS";
  public static final String DEBUG = "TDX_DEBUG";
  public static final String REPORT_DATA_MISMATCH = "TDX_REPORT_DATA_MISMATCH";
  public static final String TRAILING_DATA = "TDX_TRAILING_DATA";
  public static final String POLICY = "TDX_POLICY";
  public static final String POLICY_INVALID = "TDX_POLICY_INVALID";

  private TdxCodes() {}
}
