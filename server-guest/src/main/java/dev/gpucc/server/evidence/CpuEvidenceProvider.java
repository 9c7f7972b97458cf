package dev.gpucc.server.evidence;

import dev.gpucc.proto.v1.Evidence;
import dev.gpucc.proto.v1.TeeKind;

/**
 * Produces the CPU TEE's evidence (SEV-SNP report or TDX quote) over 64 bytes of report data.
 * One implementation per interface (configfs-tsm, /dev/sev-guest, QGS, simulated); a selector
 * picks one at start-up and fails loudly when a configured provider does not work.
 */
public interface CpuEvidenceProvider {
  /** Stable name shown in capabilities and logs, e.g. "configfs-tsm", "simulated-snp". */
  String name();

  TeeKind teeKind();

  /** True for gpucc's simulated providers (no hardware root of trust). */
  boolean simulated();

  /**
   * Collects fresh evidence whose REPORT_DATA is exactly {@code reportData}.
   *
   * @param reportData 64 bytes
   * @return an Evidence builder with its cpu field (snp or tdx) set
   */
  Evidence.Builder collect(byte[] reportData) throws EvidenceProviderException;
}
