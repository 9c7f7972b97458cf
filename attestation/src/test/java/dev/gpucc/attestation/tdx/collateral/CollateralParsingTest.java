package dev.gpucc.attestation.tdx.collateral;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.gpucc.attestation.EvidenceFormatException;
import dev.gpucc.attestation.tdx.TdxVectors;
import dev.gpucc.proto.v1.TdxCollateral;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.junit.jupiter.api.Test;

class CollateralParsingTest {
  @Test
  void rawMembers_keepExactBytes() throws Exception {
    byte[] json = "{ \"a\" : {\"x\": [1, 2.5e3, \"s\\\"}\"]} , \"signature\":\"00\"}".getBytes(StandardCharsets.UTF_8);
    Map<String, byte[]> m = RawJsonMembers.parse(json);
    assertThat(new String(m.get("a"), StandardCharsets.UTF_8)).isEqualTo("{\"x\": [1, 2.5e3, \"s\\\"}\"]}");
  }

  @Test
  void rawMembers_rejectDuplicatesAndGarbage() {
    assertThatThrownBy(() -> RawJsonMembers.parse("{\"a\":1,\"a\":2}".getBytes(StandardCharsets.UTF_8)))
        .hasMessageContaining("duplicate key");
    assertThatThrownBy(() -> RawJsonMembers.parse("{\"a\":1} x".getBytes(StandardCharsets.UTF_8)))
        .hasMessageContaining("after the JSON object");
    assertThatThrownBy(() -> RawJsonMembers.parse("{\"a\":".getBytes(StandardCharsets.UTF_8)))
        .isInstanceOf(EvidenceFormatException.class);
  }

  @Test
  void tcbInfo_sprE4() throws Exception {
    SignedJson sj = SignedJson.parse(TdxVectors.bytes(TdxVectors.SPR_E4 + "sample_tcbInfo_response"), "tcbInfo");
    TcbInfo t = TcbInfo.parse(sj.signedBytes());
    assertThat(t.id()).isEqualTo("TDX");
    assertThat(t.version()).isEqualTo(3);
    assertThat(t.tcbEvaluationDataNumber()).isEqualTo(15);
    assertThat(t.tcbLevels().get(0).sgxComponents()).startsWith(5, 5, 2, 2, 3, 1, 0, 3);
    assertThat(t.tcbLevels().get(0).tcbStatus()).isEqualTo("UpToDate");
    assertThat(t.tdxModule()).isNotNull();
  }

  @Test
  void qeIdentity_sprE4() throws Exception {
    SignedJson sj = SignedJson.parse(TdxVectors.bytes(TdxVectors.SPR_E4 + "sample_qeIdentity_response"), "enclaveIdentity");
    QeIdentity q = QeIdentity.parse(sj.signedBytes());
    assertThat(q.id()).isEqualTo("TD_QE");
    assertThat(q.isvProdId()).isEqualTo(2);
    assertThat(q.miscSelectMask()).isEqualTo(0xFFFFFFFFL);
    assertThat(q.tcbLevels()).isNotEmpty();
  }

  @Test
  void phala_convertedByteExact() throws Exception {
    TdxCollateral c = TdxVectors.phalaCollateral();
    SignedJson sj = SignedJson.parse(c.getTcbInfoJson().toByteArray(), "tcbInfo");
    assertThat(TcbInfo.parse(sj.signedBytes()).tdxModuleIdentities()).extracting(TdxModuleIdentity::id).contains("TDX_01");
    assertThat(c.getPckCrl().isEmpty()).isFalse();
    assertThat(c.getRootCaCrl().isEmpty()).isFalse();
  }

  @Test
  void inputs_detectedByContent() throws Exception {
    TdxCollateral.Builder b = TdxCollateral.newBuilder();
    String s = TdxVectors.SPR_E4;
    assertThat(CollateralInputs.add(b, TdxVectors.bytes(s + "sample_tcbInfo_response"))).contains("TCB info");
    assertThat(CollateralInputs.add(b, TdxVectors.bytes(s + "sample_qeIdentity_response"))).contains("QE identity");
    assertThat(CollateralInputs.add(b, TdxVectors.bytes(s + "derived/tcb_info_issuer_chain.pem"))).contains("TCB signing");
    assertThat(CollateralInputs.add(b, TdxVectors.bytes(s + "derived/pck_crl_issuer_chain.pem"))).contains("PCK CRL issuer");
    assertThat(CollateralInputs.add(b, TdxVectors.bytes(s + "pckcrl"))).isEqualTo("PCK CRL");
    assertThat(CollateralInputs.add(b, TdxVectors.bytes(s + "rootcrl.der"))).isEqualTo("root CA CRL");
    assertThat(b.build()).isEqualTo(TdxVectors.sprE4Collateral());
  }

  @Test
  void inputs_unknownContentRejected() {
    assertThatThrownBy(() -> CollateralInputs.add(TdxCollateral.newBuilder(), "hello".getBytes(StandardCharsets.UTF_8)))
        .isInstanceOf(EvidenceFormatException.class).hasMessageContaining("not TDX collateral");
    assertThatThrownBy(() -> CollateralInputs.add(TdxCollateral.newBuilder(), "{\"x\":1}".getBytes(StandardCharsets.UTF_8)))
        .hasMessageContaining("unknown keys");
  }

  @Test
  void tcbInfo_missingField() {
    assertThatThrownBy(() -> TcbInfo.parse("{\"id\":\"TDX\"}".getBytes(StandardCharsets.UTF_8)))
        .isInstanceOf(EvidenceFormatException.class).hasMessageContaining("lacks \"version\"");
  }
}
