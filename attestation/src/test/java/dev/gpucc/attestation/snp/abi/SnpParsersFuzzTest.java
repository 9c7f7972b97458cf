package dev.gpucc.attestation.snp.abi;

import com.code_intelligence.jazzer.junit.FuzzTest;
import dev.gpucc.attestation.EvidenceFormatException;

/**
 * Parsers take untrusted bytes: any input either parses or throws {@link EvidenceFormatException}
 * (nothing else escapes). In a normal build these run in regression mode over the seeds in
 * src/test/resources/dev/gpucc/attestation/snp/abi/SnpParsersFuzzTestInputs/; run with
 * JAZZER_FUZZ=1 to fuzz.
 */
class SnpParsersFuzzTest {
  @FuzzTest
  void reportParser(byte[] data) {
    try {
      SnpReport r = SnpReport.parse(data);
      // Every accessor must work on anything that parsed.
      r.policy().describe();
      r.platformInfo().describe();
      r.signerInfo().signingKeyName();
      r.cpuid();
      r.productLineFromCpuid();
      for (TcbLayout layout : TcbLayout.values()) {
        r.reportedTcb().decode(layout).describe();
        r.currentTcb().decode(layout).describe();
        r.committedTcb().decode(layout).describe();
        r.launchTcb().decode(layout).describe();
      }
      r.currentFirmware().toString();
      r.launchMitVector();
      r.currentMitVector();
      r.signedBytes();
      r.nonZeroReservedFields();
    } catch (EvidenceFormatException expected) {
      // malformed input is reported, never thrown as anything else
    }
  }

  @FuzzTest
  void certTableParser(byte[] data) {
    try {
      CertTable t = CertTable.parse(data);
      for (CertTable.Entry e : t.entries()) {
        e.data();
      }
      CertTable.parse(t.encode());
    } catch (EvidenceFormatException expected) {
      // malformed input is reported, never thrown as anything else
    }
  }
}
