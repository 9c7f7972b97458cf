package dev.gpucc.attestation.gpu.sim;

import dev.gpucc.attestation.Digests;
import dev.gpucc.attestation.gpu.spdm.OpaqueDataType;
import dev.gpucc.attestation.gpu.spdm.SpdmEvidence;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.PrivateKey;
import java.security.Signature;

/**
 * Encodes simulated evidence in the real format (evidence-formats §4.2-4.5): the 37-byte
 * GET_MEASUREMENTS request, a MEASUREMENTS response with 64 DMTF blocks (spec 1, type 0x01,
 * 48-byte SHA-384 values), a responder nonce, NVIDIA opaque TLVs, and a P-384 r||s signature over
 * everything before it.
 */
final class SimulatedSpdm {
  static final String DRIVER_VERSION = "550.90.07";
  /** Formatted from the VBIOS opaque bytes below: b3.b2.b1.b0.b4. */
  static final String VBIOS_VERSION = "96.00.9F.00.01";
  private static final byte[] VBIOS_BYTES = {0x00, (byte) 0x9f, 0x00, (byte) 0x96, 0x01, 0x00, 0x00, 0x00};
  static final int BLOCKS = 64;

  private SimulatedSpdm() {}

  static byte[] measurement(int spdmIndex) {
    return Digests.sha384(("gpucc simulated GPU measurement " + spdmIndex).getBytes(StandardCharsets.US_ASCII));
  }

  static byte[] build(byte[] nonce, byte[] responderNonce, byte[] fwid, PrivateKey leafKey,
      SimulatedCertificates certs) {
    ByteArrayOutputStream b = new ByteArrayOutputStream();
    // Request: version 1.1, GET_MEASUREMENTS, signature requested, all blocks, nonce, slot 0.
    b.write(SpdmEvidence.SPDM_VERSION_1_1);
    b.write(SpdmEvidence.GET_MEASUREMENTS);
    b.write(0x01);
    b.write(0xFF);
    b.writeBytes(nonce);
    b.write(0x00);
    // Response header.
    ByteArrayOutputStream record = new ByteArrayOutputStream();
    for (int i = 1; i <= BLOCKS; i++) {
      byte[] v = measurement(i);
      record.write(i);
      record.write(0x01); // DMTF
      u16(record, 3 + v.length);
      record.write(0x01); // mutable firmware, digest
      u16(record, v.length);
      record.writeBytes(v);
    }
    b.write(SpdmEvidence.SPDM_VERSION_1_1);
    b.write(SpdmEvidence.MEASUREMENTS);
    b.write(0x00);
    b.write(0x00);
    b.write(BLOCKS);
    int len = record.size();
    b.write(len & 0xFF);
    b.write((len >>> 8) & 0xFF);
    b.write((len >>> 16) & 0xFF);
    b.writeBytes(record.toByteArray());
    b.writeBytes(responderNonce);
    byte[] opaque = opaque(fwid);
    u16(b, opaque.length);
    b.writeBytes(opaque);
    byte[] signed = b.toByteArray();
    b.writeBytes(sign(signed, leafKey, certs));
    return b.toByteArray();
  }

  private static byte[] opaque(byte[] fwid) {
    ByteArrayOutputStream o = new ByteArrayOutputStream();
    tlv(o, OpaqueDataType.VBIOS_VERSION, VBIOS_BYTES);
    tlv(o, OpaqueDataType.CHIP_SKU, "882\0\0\0\0\0\0".getBytes(StandardCharsets.US_ASCII));
    tlv(o, OpaqueDataType.PROJECT, "1010\0".getBytes(StandardCharsets.US_ASCII));
    tlv(o, OpaqueDataType.PROJECT_SKU, "0200\0".getBytes(StandardCharsets.US_ASCII));
    tlv(o, OpaqueDataType.DRIVER_VERSION, (DRIVER_VERSION + "\0").getBytes(StandardCharsets.US_ASCII));
    byte[] counts = new byte[4 * BLOCKS];
    tlv(o, OpaqueDataType.MSRSCNT, counts);
    tlv(o, OpaqueDataType.NVDEC0_STATUS, new byte[] {(byte) OpaqueDataType.NVDEC0_ENABLED});
    tlv(o, OpaqueDataType.FWID, fwid);
    tlv(o, OpaqueDataType.PROTECTED_PCIE_STATUS, new byte[] {0x55});
    tlv(o, OpaqueDataType.FEATURE_FLAG, new byte[] {0x00, 0x00});
    return o.toByteArray();
  }

  private static byte[] sign(byte[] data, PrivateKey key, SimulatedCertificates certs) {
    try {
      Signature s = Signature.getInstance("SHA384withPLAIN-ECDSA", certs.provider());
      s.initSign(key);
      s.update(data);
      return s.sign();
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("simulated GPU signing failed", e);
    }
  }

  private static void tlv(ByteArrayOutputStream o, int type, byte[] value) {
    u16(o, type);
    u16(o, value.length);
    o.writeBytes(value);
  }

  private static void u16(ByteArrayOutputStream o, int v) {
    o.write(v & 0xFF);
    o.write((v >>> 8) & 0xFF);
  }
}
