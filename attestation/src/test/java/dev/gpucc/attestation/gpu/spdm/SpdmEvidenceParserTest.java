package dev.gpucc.attestation.gpu.spdm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.gpucc.attestation.EvidenceFormatException;
import dev.gpucc.attestation.Hex;
import dev.gpucc.attestation.gpu.GpuVectors;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

class SpdmEvidenceParserTest {
  /** Offsets in the nvtrust sample: response at 37, record at 45, opaque TLVs at 3599. */
  private static final int OPAQUE_AT = 37 + 8 + 3520 + 32 + 2;

  private static byte[] sample() {
    return GpuVectors.report("gpu/h100-nvtrust-sample/hopperAttestationReport.txt");
  }

  private static void assertCode(byte[] evidence, String code, String messagePart) {
    assertThatThrownBy(() -> SpdmEvidenceParser.parse(evidence))
        .isInstanceOfSatisfying(EvidenceFormatException.class, e -> {
          assertThat(e.code()).isEqualTo(code);
          assertThat(e.getMessage()).contains(messagePart);
        });
  }

  @Test
  void sample_parsesEveryField() throws Exception {
    SpdmEvidence e = SpdmEvidenceParser.parse(sample());
    assertThat(Hex.encode(e.requestNonce())).isEqualTo(GpuVectors.SAMPLE_NONCE);
    assertThat(e.requestParam1()).isEqualTo(1);
    assertThat(e.requestParam2()).isEqualTo(0xFF);
    assertThat(e.slotId()).isZero();
    assertThat(e.blocks()).hasSize(64).allMatch(b -> b.valueSize() == 48 && b.specification() == 1
        && b.valueType() == 1 && b.isDigest());
    assertThat(e.blocks().get(0).index()).isEqualTo(1);
    assertThat(e.signedBytes()).hasSize(4021);
    assertThat(e.signature()).hasSize(96);
    assertThat(e.opaque().driverVersion()).contains("550.90.07");
    assertThat(e.opaque().vbiosVersion()).contains("96.00.9F.00.01");
    assertThat(e.opaque().chipSku()).contains("882");
    assertThat(e.opaque().statusByte(OpaqueDataType.NVDEC0_STATUS)).contains(0x55);
    assertThat(Hex.encode(e.opaque().fwid().orElseThrow())).startsWith("f5c384ae");
    assertThat(e.opaque().types()).contains(OpaqueDataType.MSRSCNT, OpaqueDataType.PROTECTED_PCIE_STATUS);
  }

  @Test
  void vbiosFormat_b3b2b1b0b4_upperCase() throws Exception {
    byte[] tlv = {6, 0, 8, 0, 0x0a, (byte) 0xbc, 0x01, (byte) 0x96, 0x2f, 0, 0, 0};
    assertThat(OpaqueData.parse(tlv, 0).vbiosVersion()).contains("96.01.BC.0A.2F");
  }

  @Test
  void empty_truncated() {
    assertCode(new byte[0], SpdmCodes.TRUNCATED, "37");
  }

  @Test
  void requestOnly_truncated() {
    assertCode(Arrays.copyOf(sample(), 37), SpdmCodes.TRUNCATED, "response SPDMVersion");
  }

  @Test
  void cutInsideRecord_truncated() {
    assertCode(Arrays.copyOf(sample(), 1000), SpdmCodes.TRUNCATED, "MeasurementRecord");
  }

  @Test
  void signatureCut_truncated() {
    byte[] s = sample();
    assertCode(Arrays.copyOf(s, s.length - 10), SpdmCodes.TRUNCATED, "signature");
  }

  @Test
  void trailingBytes_rejected() {
    byte[] s = sample();
    assertCode(Arrays.copyOf(s, s.length + 1), SpdmCodes.TRAILING_DATA, "1 bytes follow");
  }

  @Test
  void wrongVersion_rejected() {
    byte[] s = sample();
    s[0] = 0x12;
    assertCode(s, SpdmCodes.VERSION, "request SPDMVersion: expected 0x11, got 0x12");
    s = sample();
    s[37] = 0x10;
    assertCode(s, SpdmCodes.VERSION, "response SPDMVersion");
  }

  @Test
  void wrongCodes_rejected() {
    byte[] s = sample();
    s[1] = (byte) 0x81;
    assertCode(s, SpdmCodes.CODE, "request code");
    s = sample();
    s[38] = 0x61;
    assertCode(s, SpdmCodes.CODE, "response code");
  }

  @Test
  void signatureNotRequested_rejected() {
    byte[] s = sample();
    s[2] = 0;
    assertCode(s, SpdmCodes.PARAMS, "signature was not requested");
    s = sample();
    s[3] = 1;
    assertCode(s, SpdmCodes.PARAMS, "all measurement blocks");
  }

  @Test
  void blockCountMismatch_rejected() {
    byte[] s = sample();
    s[41] = 63;
    assertCode(s, SpdmCodes.MEASUREMENT, "NumberOfBlocks = 63");
  }

  @Test
  void nonDmtfBlock_rejected() {
    byte[] s = sample();
    s[46] = 2;
    assertCode(s, SpdmCodes.MEASUREMENT, "not DMTF");
  }

  @Test
  void dmtfValueSizeInconsistent_rejected() {
    byte[] s = sample();
    s[50] = 47;
    assertCode(s, SpdmCodes.MEASUREMENT, "DMTF value size 47");
  }

  @Test
  void duplicateBlockIndex_rejected() {
    byte[] s = sample();
    s[45 + 55] = 1; // second block claims index 1
    assertCode(s, SpdmCodes.MEASUREMENT_DUPLICATE, "index 1 occurs twice");
  }

  @Test
  void duplicateOpaqueType_rejected() {
    byte[] s = sample();
    assertThat(s[OPAQUE_AT]).isEqualTo((byte) 6);
    s[OPAQUE_AT + 12] = 6; // the second TLV (BOARD_ID) now also claims VBIOS_VERSION
    assertCode(s, SpdmCodes.OPAQUE_DUPLICATE, "VBIOS_VERSION (6) occurs twice");
  }

  @Test
  void opaqueValuePastEnd_rejected() throws Exception {
    byte[] tlv = {3, 0, 9, 0, '5', '5', '0'};
    assertThatThrownBy(() -> OpaqueData.parse(tlv, 100))
        .isInstanceOfSatisfying(EvidenceFormatException.class, e -> {
          assertThat(e.code()).isEqualTo(SpdmCodes.OPAQUE);
          assertThat(e.getMessage()).contains("DRIVER_VERSION declares 9 bytes, only 3 remain");
        });
    assertThatThrownBy(() -> OpaqueData.parse(new byte[] {3, 0}, 0))
        .isInstanceOf(EvidenceFormatException.class).hasMessageContaining("stray bytes");
  }
}
