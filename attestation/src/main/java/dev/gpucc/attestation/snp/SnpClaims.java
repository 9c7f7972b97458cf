package dev.gpucc.attestation.snp;

import dev.gpucc.attestation.Hex;
import dev.gpucc.attestation.Verdict;
import dev.gpucc.attestation.snp.abi.SnpProductLine;
import dev.gpucc.attestation.snp.abi.SnpReport;
import dev.gpucc.attestation.snp.abi.TcbVersion;
import java.util.Optional;

/**
 * The claims an SNP report yields, all keyed {@code snp.*} (docs/SNP.md lists them). They are
 * recorded whatever the verdict, for display and audit; only an ACCEPTED verdict makes them true.
 */
final class SnpClaims {
  private SnpClaims() {}

  static void add(SnpReport r, Optional<SnpProductLine> line, Verdict.Builder out) {
    out.claim("snp.version", r.version());
    out.claim("snp.product", line.map(SnpProductLine::kdsName).orElse("unknown"));
    r.cpuid().ifPresent(c -> out.claim("snp.cpuid", c.toString()));
    out.claim("snp.signing_key", r.signerInfo().signingKeyName());
    out.claim("snp.measurement", Hex.encode(r.measurement()));
    out.claim("snp.reported_tcb", tcb(r.reportedTcb(), line));
    out.claim("snp.current_tcb", tcb(r.currentTcb(), line));
    out.claim("snp.committed_tcb", tcb(r.committedTcb(), line));
    out.claim("snp.launch_tcb", tcb(r.launchTcb(), line));
    out.claim("snp.firmware", r.currentFirmware().toString());
    out.claim("snp.committed_firmware", r.committedFirmware().toString());
    out.claim("snp.vmpl", r.vmpl());
    out.claim("snp.policy", r.policy().describe());
    out.claim("snp.debug", r.policy().debug());
    out.claim("snp.guest_svn", r.guestSvn());
    out.claim("snp.platform_info", r.platformInfo().describe());
    out.claim("snp.report_data", Hex.encode(r.reportData()));
    out.claim("snp.host_data", Hex.encode(r.hostData()));
    out.claim("snp.chip_id", Hex.encode(r.chipId()));
    out.claim("snp.id_key_digest", Hex.encode(r.idKeyDigest()));
    out.claim("snp.author_key_digest", Hex.encode(r.authorKeyDigest()));
    out.claim("snp.family_id", Hex.encode(r.familyId()));
    out.claim("snp.image_id", Hex.encode(r.imageId()));
    out.claim("snp.report_id", Hex.encode(r.reportId()));
    r.launchMitVector().ifPresent(v -> out.claim("snp.launch_mit_vector", "0x" + Long.toHexString(v)));
    r.currentMitVector().ifPresent(v -> out.claim("snp.current_mit_vector", "0x" + Long.toHexString(v)));
  }

  /** Decoded with the product layout when known, else the raw hex. */
  static String tcb(TcbVersion t, Optional<SnpProductLine> line) {
    return line.map(l -> t.decode(l.tcbLayout()).describe()).orElse("raw " + t.hex());
  }
}
