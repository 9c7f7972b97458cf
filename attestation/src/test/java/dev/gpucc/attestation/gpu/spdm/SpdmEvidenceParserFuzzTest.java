package dev.gpucc.attestation.gpu.spdm;

import com.code_intelligence.jazzer.junit.FuzzTest;
import dev.gpucc.attestation.EvidenceFormatException;

/**
 * Fuzzes the SPDM parser: it may only return or throw EvidenceFormatException. In normal test
 * runs this is a regression test over the seeds in SpdmEvidenceParserFuzzTestInputs/; set
 * JAZZER_FUZZ=1 to fuzz.
 */
class SpdmEvidenceParserFuzzTest {
  @FuzzTest(maxDuration = "30s")
  void parse(byte[] data) {
    try {
      SpdmEvidence e = SpdmEvidenceParser.parse(data);
      e.opaque().vbiosVersion();
      e.opaque().driverVersion();
      e.signedBytes();
    } catch (EvidenceFormatException expected) {
      // Malformed input is fine; anything else escaping is a bug.
    }
  }
}
