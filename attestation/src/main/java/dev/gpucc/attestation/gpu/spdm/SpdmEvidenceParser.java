package dev.gpucc.attestation.gpu.spdm;

import dev.gpucc.attestation.EvidenceFormatException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Parses GPU evidence (SPDM 1.1 GET_MEASUREMENTS request || MEASUREMENTS response) by its length
 * fields: DSP0274 1.1 §10.11 (GET_MEASUREMENTS / MEASUREMENTS), DMTF measurement blocks, NVIDIA
 * opaque TLVs and a 96-byte signature (evidence-formats §4.2 to §4.5).
 *
 * <p>Throws only {@link EvidenceFormatException} (fuzzed by SpdmEvidenceParserFuzzTest). Checks
 * sizes and fixed fields; says nothing about signatures or trust.
 */
public final class SpdmEvidenceParser {
  private SpdmEvidenceParser() {}

  public static SpdmEvidence parse(byte[] evidence) throws EvidenceFormatException {
    if (evidence == null || evidence.length < SpdmEvidence.REQUEST_LENGTH) {
      throw new EvidenceFormatException(
          SpdmCodes.TRUNCATED,
          "GPU evidence is " + (evidence == null ? 0 : evidence.length)
              + " bytes; the GET_MEASUREMENTS request alone is 37");
    }
    ByteReader r = new ByteReader(evidence, 0);
    // Request (37 bytes).
    expect(r.u8("request SPDMVersion"), SpdmEvidence.SPDM_VERSION_1_1, SpdmCodes.VERSION, "request SPDMVersion");
    expect(r.u8("request code"), SpdmEvidence.GET_MEASUREMENTS, SpdmCodes.CODE, "request code");
    int param1 = r.u8("request Param1");
    int param2 = r.u8("request Param2");
    if ((param1 & 0x01) == 0) {
      throw new EvidenceFormatException(
          SpdmCodes.PARAMS,
          "request Param1 = 0x" + hex2(param1) + ": the signature was not requested (bit 0 clear)");
    }
    if (param2 != 0xFF) {
      throw new EvidenceFormatException(
          SpdmCodes.PARAMS,
          "request Param2 = 0x" + hex2(param2) + ", expected 0xff (all measurement blocks)");
    }
    byte[] nonce = r.bytes(SpdmEvidence.NONCE_LENGTH, "request nonce");
    int slot = r.u8("request SlotIDParam");
    // Response.
    expect(r.u8("response SPDMVersion"), SpdmEvidence.SPDM_VERSION_1_1, SpdmCodes.VERSION, "response SPDMVersion");
    expect(r.u8("response code"), SpdmEvidence.MEASUREMENTS, SpdmCodes.CODE, "response code");
    r.u8("response Param1");
    r.u8("response Param2");
    int count = r.u8("NumberOfBlocks");
    int recordLength = r.u24("MeasurementRecordLength");
    int recordOffset = r.position();
    byte[] record = r.bytes(recordLength, "MeasurementRecord");
    List<MeasurementBlock> blocks = parseRecord(record, recordOffset, count);
    byte[] responderNonce = r.bytes(SpdmEvidence.NONCE_LENGTH, "responder nonce");
    int opaqueLength = r.u16("OpaqueLength");
    int opaqueOffset = r.position();
    OpaqueData opaque = OpaqueData.parse(r.bytes(opaqueLength, "OpaqueData"), opaqueOffset);
    if (r.remaining() < SpdmEvidence.SIGNATURE_LENGTH) {
      throw new EvidenceFormatException(
          SpdmCodes.TRUNCATED,
          "signature at offset " + r.position() + " needs 96 bytes, only " + r.remaining()
              + " remain (evidence truncated)");
    }
    if (r.remaining() > SpdmEvidence.SIGNATURE_LENGTH) {
      throw new EvidenceFormatException(
          SpdmCodes.TRAILING_DATA,
          (r.remaining() - SpdmEvidence.SIGNATURE_LENGTH) + " bytes follow the 96-byte signature");
    }
    return new SpdmEvidence(evidence, nonce, param1, param2, slot, blocks, responderNonce, opaque);
  }

  private static List<MeasurementBlock> parseRecord(byte[] record, int base, int count)
      throws EvidenceFormatException {
    ByteReader r = new ByteReader(record, base);
    List<MeasurementBlock> blocks = new ArrayList<>();
    Set<Integer> seen = new HashSet<>();
    while (r.remaining() > 0) {
      int at = base + r.position();
      int index = r.u8("block Index");
      int spec = r.u8("block MeasurementSpecification");
      int size = r.u16("block MeasurementSize");
      byte[] body = r.bytes(size, "block " + index + " measurement");
      if ((spec & 0x01) == 0) {
        throw new EvidenceFormatException(
            SpdmCodes.MEASUREMENT,
            "block " + index + " at offset " + at + ": MeasurementSpecification 0x" + hex2(spec)
                + " is not DMTF (bit 0)");
      }
      if (size < 3) {
        throw new EvidenceFormatException(
            SpdmCodes.MEASUREMENT, "block " + index + ": MeasurementSize " + size + " < 3");
      }
      int type = body[0] & 0xFF;
      int valueSize = (body[1] & 0xFF) | (body[2] & 0xFF) << 8;
      if (valueSize != size - 3) {
        throw new EvidenceFormatException(
            SpdmCodes.MEASUREMENT,
            "block " + index + ": DMTF value size " + valueSize + " != MeasurementSize - 3 ("
                + (size - 3) + ")");
      }
      if (!seen.add(index)) {
        throw new EvidenceFormatException(
            SpdmCodes.MEASUREMENT_DUPLICATE, "measurement index " + index + " occurs twice");
      }
      blocks.add(new MeasurementBlock(index, spec, type, java.util.Arrays.copyOfRange(body, 3, size)));
    }
    if (blocks.size() != count) {
      throw new EvidenceFormatException(
          SpdmCodes.MEASUREMENT,
          "NumberOfBlocks = " + count + " but the record holds " + blocks.size() + " blocks");
    }
    return blocks;
  }

  private static void expect(int actual, int expected, String code, String field)
      throws EvidenceFormatException {
    if (actual != expected) {
      throw new EvidenceFormatException(
          code, field + ": expected 0x" + hex2(expected) + ", got 0x" + hex2(actual));
    }
  }

  private static String hex2(int v) {
    return String.format(java.util.Locale.ROOT, "%02x", v);
  }
}
