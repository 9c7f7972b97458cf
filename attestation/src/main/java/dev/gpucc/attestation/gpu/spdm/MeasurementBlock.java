package dev.gpucc.attestation.gpu.spdm;

import java.util.Arrays;

/**
 * One SPDM measurement block in DMTF format (DSP0274 1.1, "Measurement block"; evidence-formats
 * §4.3): 1-based index, measurement specification (bit 0 = DMTF), DMTF value type (bit 7 = raw bit
 * stream, bits 6:0 the kind) and the value (a 48-byte SHA-384 digest on Hopper).
 */
public final class MeasurementBlock {
  private final int index;
  private final int specification;
  private final int valueType;
  private final byte[] value;

  public MeasurementBlock(int index, int specification, int valueType, byte[] value) {
    this.index = index;
    this.specification = specification;
    this.valueType = valueType;
    this.value = value.clone();
  }

  /** 1-based SPDM index (RIM index + 1). */
  public int index() {
    return index;
  }

  public int specification() {
    return specification;
  }

  public int valueType() {
    return valueType;
  }

  /** True when the value is a digest (bit 7 of the DMTF value type clear). */
  public boolean isDigest() {
    return (valueType & 0x80) == 0;
  }

  public byte[] value() {
    return value.clone();
  }

  public int valueSize() {
    return value.length;
  }

  /** Constant-time comparison with a golden value. */
  public boolean valueEquals(byte[] other) {
    return java.security.MessageDigest.isEqual(value, other);
  }

  @Override
  public String toString() {
    return "MeasurementBlock{index=" + index + ", type=" + valueType + ", size=" + value.length + "}";
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof MeasurementBlock m
        && m.index == index
        && m.specification == specification
        && m.valueType == valueType
        && Arrays.equals(m.value, value);
  }

  @Override
  public int hashCode() {
    return 31 * index + Arrays.hashCode(value);
  }
}
