package dev.gpucc.attestation.tdx.abi;

import dev.gpucc.attestation.EvidenceFormatException;
import dev.gpucc.attestation.Hex;

/**
 * The 48-byte quote header (Intel {@code sgx_quote_4.h}/{@code sgx_quote_5.h}; evidence-formats
 * §3.1). Immutable; byte arrays are copied out.
 */
public final class QuoteHeader {
  /** Header size in bytes. */
  public static final int SIZE = 48;
  /** Attestation key type 2: ECDSA-256 with P-256. */
  public static final int ATT_KEY_TYPE_ECDSA_P256 = 2;
  /** TEE type 0x81: TDX. */
  public static final long TEE_TYPE_TDX = 0x81;
  /** Intel's QE vendor ID (QVL rejects any other). */
  public static final String INTEL_QE_VENDOR_ID = "939a7233f79c4ca9940a0db3957f0607";

  private final int version;
  private final int attestationKeyType;
  private final long teeType;
  private final byte[] reserved;
  private final byte[] qeVendorId;
  private final byte[] userData;

  private QuoteHeader(LeReader r) throws EvidenceFormatException {
    version = r.u16(0);
    attestationKeyType = r.u16(2);
    teeType = r.u32(4);
    reserved = r.bytes(8, 4);
    qeVendorId = r.bytes(12, 16);
    userData = r.bytes(28, 20);
  }

  static QuoteHeader parse(LeReader r) throws EvidenceFormatException {
    return new QuoteHeader(r);
  }

  public int version() {
    return version;
  }

  public int attestationKeyType() {
    return attestationKeyType;
  }

  public long teeType() {
    return teeType;
  }

  /** Bytes 8..12: reserved in v4/v5 (QVL reads QE SVN/PCE SVN here; zero in every sample). */
  public byte[] reserved() {
    return reserved.clone();
  }

  public byte[] qeVendorId() {
    return qeVendorId.clone();
  }

  public boolean isIntelQeVendor() {
    return Hex.encode(qeVendorId).equals(INTEL_QE_VENDOR_ID);
  }

  public byte[] userData() {
    return userData.clone();
  }
}
