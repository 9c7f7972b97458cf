package dev.gpucc.attestation.snp.abi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.gpucc.attestation.EvidenceFormatException;
import dev.gpucc.attestation.Hex;
import dev.gpucc.attestation.snp.SnpVectors;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class SnpReportTest {
  @Test
  void parsesVleKVectorFields() throws EvidenceFormatException {
    SnpReport r = SnpReport.parse(SnpVectors.bytes("snp/milan-v3-vlek-trustee/test-vlek-report.bin"));
    assertThat(r.version()).isEqualTo(3);
    assertThat(r.vmpl()).isEqualTo(1);
    assertThat(r.signerInfo().signingKey()).isEqualTo(SignerInfo.SIGNING_KEY_VLEK);
    assertThat(r.signerInfo().signingKeyName()).isEqualTo("VLEK");
    assertThat(r.policy().raw()).isEqualTo(0x30000L);
    assertThat(r.policy().debug()).isFalse();
    assertThat(r.policy().smt()).isTrue();
    assertThat(r.policy().reservedOne()).isTrue();
    assertThat(r.platformInfo().raw()).isEqualTo(0x27L);
    assertThat(r.platformInfo().setFlags()).containsExactly("SMT_EN", "TSME_EN", "ECC_EN", "ALIAS_CHECK_COMPLETE");
    assertThat(r.chipIdMasked()).isTrue();
    assertThat(r.cpuid()).contains(new SnpReport.Cpuid(0x19, 0x01, 0x01));
    assertThat(r.productLineFromCpuid()).contains(SnpProductLine.MILAN);
    assertThat(r.reportedTcb().hex()).isEqualTo("04000000000018d9");
    assertThat(r.reportedTcb().decode(TcbLayout.MILAN_GENOA).describe()).isEqualTo("bl=4 tee=0 snp=24 ucode=217");
    assertThat(r.currentTcb().hex()).isEqualTo("04000000000018dc");
    assertThat(r.committedTcb().hex()).isEqualTo("04000000000018db");
    assertThat(r.launchTcb().hex()).isEqualTo("04000000000018db");
    assertThat(r.currentFirmware()).isEqualTo(new SnpReport.FirmwareVersion(1, 55, 29));
    assertThat(Hex.encode(r.measurement())).isEqualTo(
        "8922ebbdd00ec2c541f36a6e7a82a8773a7accb451ed67bc94e740dbe92c93c4e8c9af857f5ceeb5a493df2a570d7bf0");
    assertThat(r.launchMitVector()).isEmpty();
    assertThat(r.nonZeroReservedFields()).isEmpty();
    assertThat(r.signedBytes()).hasSize(0x2A0);
  }

  @Test
  void parsesGenoaVector() throws EvidenceFormatException {
    SnpReport r = SnpReport.parse(SnpVectors.bytes("snp/genoa-v3-azure-hcl/derived/snp_report.bin"));
    assertThat(r.productLineFromCpuid()).contains(SnpProductLine.GENOA);
    assertThat(r.guestSvn()).isEqualTo(65547L);
    assertThat(r.policy().raw()).isEqualTo(0x3001FL);
    assertThat(Hex.encode(r.familyId())).isEqualTo("01232000000000000000000000000000");
  }

  @Test
  void version2_hasNoCpuid() throws EvidenceFormatException {
    SnpReport r = SnpReport.parse(SnpVectors.bytes("snp/milan-v2-go-sev-guest/attestation.bin"));
    assertThat(r.cpuid()).isEmpty();
    assertThat(r.productLineFromCpuid()).isEmpty();
    assertThat(r.policy().debug()).isTrue();
    assertThat(r.currentFirmware().toString()).isEqualTo("1.49 build 3");
  }

  @Test
  void wrongSize_reportSize() {
    assertThatThrownBy(() -> SnpReport.parse(new byte[1000]))
        .isInstanceOf(EvidenceFormatException.class)
        .hasMessageContaining("expected 1184 bytes, got 1000")
        .extracting(e -> ((EvidenceFormatException) e).code()).isEqualTo("SNP_REPORT_SIZE");
    assertThatThrownBy(() -> SnpReport.parse(null)).isInstanceOf(EvidenceFormatException.class);
  }

  @Test
  void unknownVersion_reportVersion() {
    byte[] r = SnpVectors.bytes("snp/milan-v2-virtee/derived/report_milan.bin");
    r[0] = 6;
    assertThatThrownBy(() -> SnpReport.parse(r)).extracting(e -> ((EvidenceFormatException) e).code())
        .isEqualTo("SNP_REPORT_VERSION");
    r[0] = 1;
    assertThatThrownBy(() -> SnpReport.parse(r)).hasMessageContaining("got 1");
  }

  @Test
  void signatureAlgoNotEcdsa_signatureAlgo() {
    byte[] r = SnpVectors.bytes("snp/milan-v2-virtee/derived/report_milan.bin");
    r[0x34] = 0;
    assertThatThrownBy(() -> SnpReport.parse(r)).extracting(e -> ((EvidenceFormatException) e).code())
        .isEqualTo("SNP_SIGNATURE_ALGO");
  }

  @Test
  void nonZeroUnsignedBytes_reportReserved() {
    byte[] r = SnpVectors.bytes("snp/milan-v2-virtee/derived/report_milan.bin");
    r[0x400] = 1;
    assertThatThrownBy(() -> SnpReport.parse(r)).extracting(e -> ((EvidenceFormatException) e).code())
        .isEqualTo("SNP_REPORT_RESERVED");
    byte[] r2 = SnpVectors.bytes("snp/milan-v2-virtee/derived/report_milan.bin");
    r2[0x2A0 + 50] = 1;
    assertThatThrownBy(() -> SnpReport.parse(r2)).hasMessageContaining("SIGNATURE.R high bytes");
  }

  @Test
  void nonZeroSignedReserved_listedNotRejected() throws EvidenceFormatException {
    byte[] r = SnpVectors.bytes("snp/milan-v2-virtee/derived/report_milan.bin");
    r[0x04C] = 1;
    r[0x250] = 1;
    assertThat(SnpReport.parse(r).nonZeroReservedFields()).containsExactly("reserved@0x04C", "reserved@0x1F8");
  }

  @Test
  void tcbLayouts() {
    TcbVersion t = TcbVersion.ofRaw(Hex.decode("0102030400000009"));
    assertThat(t.decode(TcbLayout.TURIN).describe()).isEqualTo("fmc=1 bl=2 tee=3 snp=4 ucode=9");
    assertThat(t.decode(TcbLayout.MILAN_GENOA).describe()).isEqualTo("bl=1 tee=2 snp=0 ucode=9");
    assertThat(TcbVersion.of(TcbLayout.TURIN, 1, 2, 3, 4, 9)).isEqualTo(t);
    assertThat(TcbVersion.of(TcbLayout.MILAN_GENOA, 0, 3, 0, 8, 115).hex()).isEqualTo("0300000000000873");
  }

  @Test
  void productLines() {
    assertThat(SnpProductLine.fromCpuid(0x19, 0x01)).contains(SnpProductLine.MILAN);
    assertThat(SnpProductLine.fromCpuid(0x19, 0x11)).contains(SnpProductLine.GENOA);
    assertThat(SnpProductLine.fromCpuid(0x19, 0xA0)).contains(SnpProductLine.GENOA);
    assertThat(SnpProductLine.fromCpuid(0x1A, 0x02)).contains(SnpProductLine.TURIN);
    assertThat(SnpProductLine.fromCpuid(0x1A, 0x50)).isEmpty();
    assertThat(SnpProductLine.fromCpuid(0x17, 0x01)).isEmpty();
    assertThat(SnpProductLine.fromProductName("Milan-B0")).contains(SnpProductLine.MILAN);
    assertThat(SnpProductLine.fromProductName("Genoa")).contains(SnpProductLine.GENOA);
    assertThat(SnpProductLine.fromProductName("Venice")).isEqualTo(Optional.empty());
  }
}
