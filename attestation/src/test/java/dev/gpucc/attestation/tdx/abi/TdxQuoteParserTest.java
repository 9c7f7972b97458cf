package dev.gpucc.attestation.tdx.abi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.gpucc.attestation.EvidenceFormatException;
import dev.gpucc.attestation.Hex;
import dev.gpucc.attestation.tdx.TdxVectors;
import java.security.cert.X509Certificate;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

class TdxQuoteParserTest {
  private static byte[] phala() {
    return TdxVectors.bytes(TdxVectors.PHALA_QUOTE);
  }

  private static void expectCode(byte[] q, String code, String message) {
    assertThatThrownBy(() -> TdxQuoteParser.parse(q))
        .isInstanceOf(EvidenceFormatException.class)
        .hasMessageContaining(message)
        .satisfies(e -> assertThat(((EvidenceFormatException) e).code()).isEqualTo(code));
  }

  @Test
  void v4_fieldsAtTheirOffsets() throws Exception {
    TdxQuote q = TdxQuoteParser.parse(phala());
    assertThat(q.version()).isEqualTo(4);
    assertThat(q.header().isIntelQeVendor()).isTrue();
    assertThat(Hex.encode(q.body().teeTcbSvn())).startsWith("060103");
    assertThat(Hex.encode(q.body().mrTd())).startsWith("91eb2b44d141d4ec");
    assertThat(Hex.encode(q.body().rtmr(0))).startsWith("44c0197b39157fdd");
    assertThat(Hex.encode(q.body().reportData())).startsWith("9a9d48e7f6799642");
    assertThat(q.body().tdAttributesValue()).isEqualTo(0x10000000L);
    assertThat(q.body().debug()).isFalse();
    assertThat(q.body().teeTcbSvn2()).isNull();
    assertThat(q.signedRegion()).hasSize(632);
    assertThat(q.signatureData().qeReport().isvProdId()).isEqualTo(2);
    assertThat(q.signatureData().qeReport().isvSvn()).isEqualTo(6);
    assertThat(Hex.encode(q.signatureData().qeReport().mrSigner()))
        .isEqualTo("dc9e2a7c6f948f17474e34a7fc43ed030f7c1563f1babddf6340c82e0e54a8c5");
    assertThat(q.signatureData().qeAuthData()).hasSize(32);
    assertThat(q.trailingByteCount()).isEqualTo(70);
    assertThat(q.trailingBytesNonZero()).isFalse();
  }

  @Test
  void v5_type3Body() throws Exception {
    TdxQuote q = TdxQuoteParser.parse(TdxVectors.bytes(TdxVectors.V5_QUOTE));
    assertThat(q.version()).isEqualTo(5);
    assertThat(q.body().bodyType()).isEqualTo(3);
    assertThat(q.signedRegion()).hasSize(54 + 648);
    assertThat(Hex.encode(q.body().teeTcbSvn2())).isEqualTo("0d010400000000000000000000000000");
    assertThat(q.body().mrServiceTd()).isEqualTo(new byte[48]);
    assertThat(q.signatureData().qeReport().isvSvn()).isEqualTo(7);
  }

  @Test
  void pckExtensions_sprE4() throws Exception {
    TdxQuote q = TdxQuoteParser.parse(TdxVectors.bytes(TdxVectors.SPR_E4_QUOTE));
    X509Certificate leaf = dev.gpucc.attestation.CertificateFiles.parse(q.signatureData().pckChainPem()).get(0);
    PckExtensions e = PckExtensions.parse(leaf);
    assertThat(Hex.encode(e.fmspc())).isEqualTo("50806f000000");
    assertThat(e.pceSvn()).isEqualTo(11);
    assertThat(Arrays.copyOf(e.tcbComponents(), 8)).containsExactly(3, 3, 2, 2, 2, 1, 0, 2);
    assertThat(e.pceId()).hasSize(2);
    assertThat(e.cpuSvn()).hasSize(16);
  }

  @Test
  void truncatedHeader() {
    expectCode(Arrays.copyOf(phala(), 20), "TDX_QUOTE_TRUNCATED", "needs bytes");
  }

  @Test
  void truncatedSignatureData() {
    expectCode(Arrays.copyOf(phala(), 4000), "TDX_QUOTE_TRUNCATED", "exceeds the quote");
  }

  @Test
  void unsupportedVersion() {
    byte[] q = phala();
    q[0] = 3;
    expectCode(q, "TDX_UNSUPPORTED_VERSION", "expected 4 or 5, got 3");
  }

  @Test
  void unsupportedKeyType() {
    byte[] q = phala();
    q[2] = 3;
    expectCode(q, "TDX_UNSUPPORTED_KEY_TYPE", "got 3");
  }

  @Test
  void sgxTeeType() {
    byte[] q = phala();
    q[4] = 0;
    expectCode(q, "TDX_UNSUPPORTED_TEE_TYPE", "got 0x0");
  }

  @Test
  void v5_unknownBodyType() {
    byte[] q = TdxVectors.bytes(TdxVectors.V5_QUOTE);
    q[48] = 1;
    expectCode(q, "TDX_UNSUPPORTED_BODY_TYPE", "got 1");
  }

  @Test
  void v5_bodySizeMismatch() {
    byte[] q = TdxVectors.bytes(TdxVectors.V5_QUOTE);
    q[50] = 0;
    expectCode(q, "TDX_QUOTE_MALFORMED", "body size");
  }

  @Test
  void wrongCertificationDataType() {
    byte[] q = phala();
    q[636 + 128] = 5;
    expectCode(q, "TDX_UNSUPPORTED_CERT_DATA", "expected 6");
  }

  @Test
  void certificationDataSizeInconsistent() {
    byte[] q = phala();
    q[636 + 130] ^= 1;
    expectCode(q, "TDX_QUOTE_MALFORMED", "does not fill the signature data");
  }

  @Test
  void innerTypeNotPckChain() {
    byte[] q = phala();
    q[636 + 134 + 450 + 32] = 3;
    expectCode(q, "TDX_UNSUPPORTED_CERT_DATA", "expected 5");
  }

  @Test
  void nullAndOversized() {
    expectCode(null, "TDX_QUOTE_TRUNCATED", "missing");
    expectCode(new byte[TdxQuoteParser.MAX_QUOTE_SIZE + 1], "TDX_QUOTE_MALFORMED", "more than");
  }
}
