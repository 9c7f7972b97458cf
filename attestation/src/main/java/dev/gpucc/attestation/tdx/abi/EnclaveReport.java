package dev.gpucc.attestation.tdx.abi;

import dev.gpucc.attestation.EvidenceFormatException;

/**
 * The quoting enclave's SGX REPORT body (384 bytes; QVL {@code EnclaveReport}; evidence-formats
 * §3.4). Immutable; arrays are copied out.
 */
public final class EnclaveReport {
  public static final int SIZE = 384;

  private final byte[] raw;
  private final byte[] cpuSvn;
  private final long miscSelect;
  private final byte[] attributes;
  private final byte[] mrEnclave;
  private final byte[] mrSigner;
  private final int isvProdId;
  private final int isvSvn;
  private final byte[] reportData;

  private EnclaveReport(LeReader r, int base) throws EvidenceFormatException {
    raw = r.bytes(base, SIZE);
    cpuSvn = r.bytes(base, 16);
    miscSelect = r.u32(base + 16);
    attributes = r.bytes(base + 48, 16);
    mrEnclave = r.bytes(base + 64, 32);
    mrSigner = r.bytes(base + 128, 32);
    isvProdId = r.u16(base + 256);
    isvSvn = r.u16(base + 258);
    reportData = r.bytes(base + 320, 64);
  }

  static EnclaveReport parse(LeReader r, int base) throws EvidenceFormatException {
    return new EnclaveReport(r, base);
  }

  /** The 384 bytes exactly as in the quote: what the PCK key signed. */
  public byte[] raw() {
    return raw.clone();
  }

  public byte[] cpuSvn() {
    return cpuSvn.clone();
  }

  public long miscSelect() {
    return miscSelect;
  }

  /** MISCSELECT as its 4 little-endian bytes (as compared with QE identity masks). */
  public byte[] miscSelectBytes() {
    return java.util.Arrays.copyOfRange(raw, 16, 20);
  }

  public byte[] attributes() {
    return attributes.clone();
  }

  public byte[] mrEnclave() {
    return mrEnclave.clone();
  }

  public byte[] mrSigner() {
    return mrSigner.clone();
  }

  public int isvProdId() {
    return isvProdId;
  }

  public int isvSvn() {
    return isvSvn;
  }

  public byte[] reportData() {
    return reportData.clone();
  }
}
