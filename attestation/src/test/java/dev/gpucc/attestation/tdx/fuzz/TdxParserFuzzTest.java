package dev.gpucc.attestation.tdx.fuzz;

import com.code_intelligence.jazzer.junit.FuzzTest;
import dev.gpucc.attestation.EvidenceFormatException;
import dev.gpucc.attestation.tdx.abi.TdxQuoteParser;
import dev.gpucc.attestation.tdx.collateral.CollateralInputs;
import dev.gpucc.attestation.tdx.collateral.QeIdentity;
import dev.gpucc.attestation.tdx.collateral.RawJsonMembers;
import dev.gpucc.attestation.tdx.collateral.SignedJson;
import dev.gpucc.attestation.tdx.collateral.TcbInfo;
import dev.gpucc.proto.v1.TdxCollateral;

/**
 * Any input parses or throws the parser's own exception (EvidenceFormatException); anything else
 * (index, number format, Gson exceptions) fails the test. Runs the seeds in
 * src/test/resources/.../TdxParserFuzzTestInputs in regression mode during normal builds;
 * {@code JAZZER_FUZZ=1} fuzzes.
 */
class TdxParserFuzzTest {
  @FuzzTest
  void quoteParser(byte[] data) {
    try {
      TdxQuoteParser.parse(data);
    } catch (EvidenceFormatException expected) {
      // the parser's own exception: fine
    }
  }

  @FuzzTest
  void collateralJson(byte[] data) {
    try {
      RawJsonMembers.parse(data);
    } catch (EvidenceFormatException expected) {
      // fine
    }
    try {
      TcbInfo.parse(SignedJson.parse(data, "tcbInfo").signedBytes());
    } catch (EvidenceFormatException expected) {
      // fine
    }
    try {
      QeIdentity.parse(data);
    } catch (EvidenceFormatException expected) {
      // fine
    }
    try {
      CollateralInputs.add(TdxCollateral.newBuilder(), data);
    } catch (EvidenceFormatException expected) {
      // fine
    }
  }
}
