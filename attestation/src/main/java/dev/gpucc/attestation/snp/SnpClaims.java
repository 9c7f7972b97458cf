package dev.gpucc.attestation.snp;

import dev.gpucc.attestation.Hex;
import dev.gpucc.attestation.Verdict;
import dev.gpucc.attestation.snp.abi.SnpReport;
import dev.gpucc.attestation.snp.verify.SnpReportVerifier;

/** What an SNP report says, as verdict claims (keys documented in docs/SNP.md). */
final class SnpClaims {
  private SnpClaims() {}

  static void add(SnpReport r, SnpReportVerifier.Result result, boolean turin, Verdict.Builder out) {
    out.claim("snp.version", r.version());
    out.claim("snp.product", result.line().map(l -> l.kdsName()).orElse("unknown"));
    out.claim("snp.signing_key", r.signerInfo().signingKey().toString());
    out.claim("snp.root", result.rootLabel());
    out.claim("snp.measurement", Hex.encode(r.measurement()));
    out.claim("snp.reported_tcb", SnpEvidenceVerifier.tcb(r.reportedTcbRaw(), turin));
    out.claim("snp.current_tcb", SnpEvidenceVerifier.tcb(r.currentTcbRaw(), turin));
    out.claim("snp.committed_tcb", SnpEvidenceVerifier.tcb(r.committedTcbRaw(), turin));
    out.claim("snp.launch_tcb", SnpEvidenceVerifier.tcb(r.launchTcbRaw(), turin));
    out.claim("snp.firmware", r.currentFirmware().toString());
    out.claim("snp.vmpl", r.vmpl());
    out.claim("snp.policy", r.policy().toString());
    out.claim("snp.platform_info", r.platformInfo().toString());
    out.claim("snp.guest_svn", r.guestSvn());
    out.claim("snp.report_data", Hex.encode(r.reportData()));
    out.claim("snp.host_data", Hex.encode(r.hostData()));
    out.claim("snp.id_key_digest", Hex.encode(r.idKeyDigest()));
    out.claim("snp.chip_id", Hex.encode(r.chipId()));
    r.cpuid().ifPresent(c -> out.claim("snp.cpuid", String.format("family 0x%02x model 0x%02x stepping %d", c[0], c[1], c[2])));
  }
}
