package dev.gpucc.attestation.tdx;

import dev.gpucc.attestation.Verdict;
import dev.gpucc.attestation.VerifyOptions;
import dev.gpucc.proto.v1.TdxEvidence;
import dev.gpucc.proto.v1.TdxPolicy;
import java.util.Optional;

/** Placeholder: rejects every Tdx evidence until the Tdx verifier lands. */
public final class TdxEvidenceVerifier {
  public TdxEvidenceVerifier(VerifyOptions options) {}

  public void verify(TdxEvidence evidence, Optional<byte[]> expectedReportData, TdxPolicy policy, Verdict.Builder out) {
    out.reject("TDX_UNSUPPORTED", "Tdx evidence verification is not available in this build");
  }
}
