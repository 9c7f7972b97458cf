package dev.gpucc.attestation.snp.abi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.gpucc.attestation.EvidenceFormatException;
import dev.gpucc.attestation.Hex;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.List;
import org.junit.jupiter.api.Test;

class CertTableTest {
  @Test
  void encodeParse_roundTrip_guidInRfc4122Order() throws EvidenceFormatException {
    CertTable t = CertTable.of(List.of(
        new CertTable.Entry(CertTable.ARK, new byte[] {1, 2, 3}),
        new CertTable.Entry(CertTable.VCEK, new byte[] {4, 5})));
    byte[] enc = t.encode();
    assertThat(enc).hasSize(3 * 24 + 5);
    assertThat(Hex.encode(java.util.Arrays.copyOf(enc, 16))).isEqualTo("c0b406a4a80349529743" + "3fb6014cd0ae");
    ByteBuffer bb = ByteBuffer.wrap(enc).order(ByteOrder.LITTLE_ENDIAN);
    assertThat(bb.getInt(16)).isEqualTo(72);
    assertThat(bb.getInt(20)).isEqualTo(3);
    CertTable back = CertTable.parse(enc);
    assertThat(back.entries()).hasSize(2);
    assertThat(back.get(CertTable.VCEK)).hasValueSatisfying(b -> assertThat(b).containsExactly(4, 5));
    assertThat(back.get(CertTable.ASK)).isEmpty();
  }

  @Test
  void emptyAndZeroFilled_areEmpty() throws EvidenceFormatException {
    assertThat(CertTable.parse(new byte[0]).isEmpty()).isTrue();
    assertThat(CertTable.parse(new byte[4096]).isEmpty()).isTrue();
  }

  @Test
  void noTerminator_certTable() {
    byte[] b = new byte[24];
    b[0] = 1;
    assertThatThrownBy(() -> CertTable.parse(b)).hasMessageContaining("no terminating")
        .extracting(e -> ((EvidenceFormatException) e).code()).isEqualTo("SNP_CERT_TABLE");
  }

  @Test
  void entryPastEnd_certTable() {
    byte[] enc = CertTable.of(List.of(new CertTable.Entry(CertTable.ARK, new byte[] {1}))).encode();
    ByteBuffer.wrap(enc).order(ByteOrder.LITTLE_ENDIAN).putInt(20, 0x7fffffff);
    assertThatThrownBy(() -> CertTable.parse(enc)).hasMessageContaining("past the end");
    ByteBuffer.wrap(enc).order(ByteOrder.LITTLE_ENDIAN).putInt(20, 1).putInt(16, 0xffffffff);
    assertThatThrownBy(() -> CertTable.parse(enc)).hasMessageContaining("past the end");
  }

  @Test
  void offsetIntoHeader_certTable() {
    byte[] enc = CertTable.of(List.of(new CertTable.Entry(CertTable.ARK, new byte[] {1}))).encode();
    ByteBuffer.wrap(enc).order(ByteOrder.LITTLE_ENDIAN).putInt(16, 0);
    assertThatThrownBy(() -> CertTable.parse(enc)).hasMessageContaining("into the table header");
  }

  @Test
  void duplicateGuid_certTable() {
    byte[] enc = CertTable.of(List.of(new CertTable.Entry(CertTable.ARK, new byte[] {1}),
        new CertTable.Entry(CertTable.ARK, new byte[] {2}))).encode();
    assertThatThrownBy(() -> CertTable.parse(enc)).hasMessageContaining("more than once");
  }
}
