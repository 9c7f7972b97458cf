package dev.gpucc.attestation.snp;

import dev.gpucc.attestation.Verdict;
import dev.gpucc.attestation.VerifyOptions;
import dev.gpucc.proto.v1.SnpEvidence;
import dev.gpucc.proto.v1.SnpPolicy;
import java.util.Optional;

/** Placeholder: rejects every Snp evidence until the Snp verifier lands. */
public final class SnpEvidenceVerifier {
  public SnpEvidenceVerifier(VerifyOptions options) {}

  public void verify(SnpEvidence evidence, Optional<byte[]> expectedReportData, SnpPolicy policy, Verdict.Builder out) {
    out.reject("SNP_UNSUPPORTED", "Snp evidence verification is not available in this build");
  }
}
