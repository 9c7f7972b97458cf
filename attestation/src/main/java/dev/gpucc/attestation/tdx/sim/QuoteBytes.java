package dev.gpucc.attestation.tdx.sim;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;

/**
 * Serializes the pieces of a v4 TDX quote in the real byte layout (evidence-formats §3.1-§3.4).
 * Used only by the simulator and tests; verifiers never re-serialize.
 */
public final class QuoteBytes {
  private QuoteBytes() {}

  /** 48-byte v4 header: version 4, key type 2, TEE type 0x81, Intel QE vendor ID. */
  public static byte[] headerV4(byte[] qeVendorId, byte[] userData20) {
    ByteBuffer b = le(48);
    b.putShort((short) 4).putShort((short) 2).putInt(0x81).putInt(0);
    b.put(qeVendorId).put(userData20);
    return b.array();
  }

  /** 584-byte TDX 1.0 body from its fields (each at its offset). */
  public static byte[] body(
      byte[] teeTcbSvn16, byte[] mrSeam48, byte[] tdAttributes8, byte[] xfam8, byte[] mrTd48,
      byte[][] rtmrs, byte[] reportData64) {
    ByteBuffer b = le(584);
    b.put(teeTcbSvn16).put(mrSeam48).put(new byte[48]).put(new byte[8]).put(tdAttributes8).put(xfam8);
    b.put(mrTd48).put(new byte[48]).put(new byte[48]).put(new byte[48]);
    for (byte[] r : rtmrs) {
      b.put(r);
    }
    b.put(reportData64);
    return b.array();
  }

  /** 384-byte SGX report body of the QE. */
  public static byte[] qeReport(
      byte[] cpuSvn16, byte[] attributes16, byte[] mrEnclave32, byte[] mrSigner32, int isvProdId,
      int isvSvn, byte[] reportData64) {
    ByteBuffer b = le(384);
    b.put(cpuSvn16).putInt(0).put(new byte[28]).put(attributes16).put(mrEnclave32).put(new byte[32]);
    b.put(mrSigner32).put(new byte[96]).putShort((short) isvProdId).putShort((short) isvSvn);
    b.put(new byte[60]).put(reportData64);
    return b.array();
  }

  /** Signature data: sig, key, cert data type 6 { QE report, sig, auth data, type 5 { PEM } }. */
  public static byte[] signatureData(
      byte[] quoteSig64, byte[] attKey64, byte[] qeReport384, byte[] qeSig64, byte[] authData,
      byte[] pckChainPem) {
    int inner = 6 + pckChainPem.length;
    int cert = 384 + 64 + 2 + authData.length + inner;
    ByteBuffer b = le(134 + cert);
    b.put(quoteSig64).put(attKey64).putShort((short) 6).putInt(cert);
    b.put(qeReport384).put(qeSig64).putShort((short) authData.length).put(authData);
    b.putShort((short) 5).putInt(pckChainPem.length).put(pckChainPem);
    return b.array();
  }

  /** header || body || u32 signature data length || signature data. */
  public static byte[] quote(byte[] signedRegion, byte[] signatureData) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    out.writeBytes(signedRegion);
    out.writeBytes(le(4).putInt(signatureData.length).array());
    out.writeBytes(signatureData);
    return out.toByteArray();
  }

  private static ByteBuffer le(int n) {
    return ByteBuffer.allocate(n).order(ByteOrder.LITTLE_ENDIAN);
  }
}
