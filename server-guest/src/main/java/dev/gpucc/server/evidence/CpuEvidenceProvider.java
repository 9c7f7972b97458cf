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

  /** SEV-SNP REPORT_DATA and TDX REPORTDATA are exactly this long (configfs-tsm requires it too). */
  int REPORT_DATA_BYTES = 64;

  /** The check every provider makes before touching a device: exactly 64 bytes of report data. */
  static void requireReportData(String provider, byte[] reportData) throws EvidenceProviderException {
    if (reportData == null || reportData.length != REPORT_DATA_BYTES) {
      throw new EvidenceProviderException(provider + ": report data must be exactly " + REPORT_DATA_BYTES
          + " bytes, got " + (reportData == null ? "null" : reportData.length));
    }
  }
}
