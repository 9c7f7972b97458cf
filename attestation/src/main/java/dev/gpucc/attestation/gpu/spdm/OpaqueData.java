package dev.gpucc.attestation.gpu.spdm;

import dev.gpucc.attestation.EvidenceFormatException;
import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * NVIDIA opaque data of a MEASUREMENTS response: repeated {@code type u16 LE, size u16 LE,
 * value[size]} (evidence-formats §4.4). Each type may occur once (a duplicate is rejected, as
 * trustee does: two different DRIVER_VERSION values must not let a verifier pick one). Values
 * are kept raw; accessors decode the well-known ones.
 */
public final class OpaqueData {
  private final Map<Integer, byte[]> fields;

  private OpaqueData(Map<Integer, byte[]> fields) {
    this.fields = fields;
  }

  /** Parses opaque data; {@code base} is its offset in the evidence, for messages. */
  public static OpaqueData parse(byte[] data, int base) throws EvidenceFormatException {
    Map<Integer, byte[]> out = new LinkedHashMap<>();
    ByteReader r = new ByteReader(data, base);
    while (r.remaining() > 0) {
      if (r.remaining() < 4) {
        throw new EvidenceFormatException(
            SpdmCodes.OPAQUE,
            "opaque data: " + r.remaining() + " stray bytes at offset " + (base + r.position())
                + " (a TLV header needs 4)");
      }
      int type = r.u16("opaque type");
      int size = r.u16("opaque size");
      if (size > r.remaining()) {
        throw new EvidenceFormatException(
            SpdmCodes.OPAQUE,
            "opaque " + OpaqueDataType.name(type) + " declares " + size + " bytes, only "
                + r.remaining() + " remain");
      }
      byte[] value = r.bytes(size, "opaque value");
      if (out.putIfAbsent(type, value) != null) {
        throw new EvidenceFormatException(
            SpdmCodes.OPAQUE_DUPLICATE,
            "opaque data type " + OpaqueDataType.name(type) + " (" + type + ") occurs twice");
      }
    }
    return new OpaqueData(Collections.unmodifiableMap(out));
  }

  public Optional<byte[]> raw(int type) {
    byte[] v = fields.get(type);
    return v == null ? Optional.empty() : Optional.of(v.clone());
  }

  public boolean has(int type) {
    return fields.containsKey(type);
  }

  /** Types in the order they appear. */
  public java.util.Set<Integer> types() {
    return fields.keySet();
  }

  /** ASCII value with trailing NULs (and anything after the first NUL) removed. */
  public Optional<String> ascii(int type) {
    byte[] v = fields.get(type);
    if (v == null) {
      return Optional.empty();
    }
    int end = 0;
    while (end < v.length && v[end] != 0) {
      end++;
    }
    return Optional.of(new String(v, 0, end, StandardCharsets.US_ASCII));
  }

  public Optional<String> driverVersion() {
    return ascii(OpaqueDataType.DRIVER_VERSION);
  }

  /**
   * VBIOS version formatted {@code b3.b2.b1.b0.b4} in upper-case 2-digit hex, e.g. {@code 00 9f
   * 00 96 01 00 00 00} gives {@code 96.00.9F.00.01} (evidence-formats §4.4). Empty if absent or
   * shorter than 5 bytes.
   */
  public Optional<String> vbiosVersion() {
    byte[] v = fields.get(OpaqueDataType.VBIOS_VERSION);
    if (v == null || v.length < 5) {
      return Optional.empty();
    }
    return Optional.of(
        String.format(
            Locale.ROOT, "%02X.%02X.%02X.%02X.%02X", v[3] & 0xFF, v[2] & 0xFF, v[1] & 0xFF,
            v[0] & 0xFF, v[4] & 0xFF));
  }

  public Optional<String> project() {
    return ascii(OpaqueDataType.PROJECT);
  }

  public Optional<String> projectSku() {
    return ascii(OpaqueDataType.PROJECT_SKU);
  }

  public Optional<String> chipSku() {
    return ascii(OpaqueDataType.CHIP_SKU);
  }

  public Optional<byte[]> fwid() {
    return raw(OpaqueDataType.FWID);
  }

  /** First byte of a one-byte status field (NVDEC0_STATUS, PROTECTED_PCIE_STATUS). */
  public Optional<Integer> statusByte(int type) {
    byte[] v = fields.get(type);
    return v == null || v.length == 0 ? Optional.empty() : Optional.of(v[0] & 0xFF);
  }

  /** Little-endian unsigned integer of up to 8 bytes (FEATURE_FLAG, OPAQUE_DATA_VERSION). */
  public Optional<Long> littleEndian(int type) {
    byte[] v = fields.get(type);
    if (v == null || v.length == 0 || v.length > 8) {
      return Optional.empty();
    }
    long x = 0;
    for (int i = v.length - 1; i >= 0; i--) {
      x = (x << 8) | (v[i] & 0xFF);
    }
    return Optional.of(x);
  }
}
