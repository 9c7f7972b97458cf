package dev.gpucc.attestation.gpu.rim;

import com.code_intelligence.jazzer.junit.FuzzTest;
import dev.gpucc.attestation.EvidenceFormatException;

/** Fuzzes the RIM (SWID XML) parser; regression mode over RimParserFuzzTestInputs/ by default. */
class RimParserFuzzTest {
  @FuzzTest(maxDuration = "30s")
  void parse(byte[] data) {
    try {
      RimParser.parse(data).active();
    } catch (EvidenceFormatException expected) {
      // Malformed input is fine.
    }
  }
}
