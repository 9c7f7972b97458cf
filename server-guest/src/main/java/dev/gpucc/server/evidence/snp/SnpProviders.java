package dev.gpucc.server.evidence.snp;

import dev.gpucc.attestation.Digests;
import dev.gpucc.attestation.EvidenceFormatException;
import dev.gpucc.attestation.snp.abi.SnpReport;
import dev.gpucc.server.evidence.CpuEvidenceProvider;
import dev.gpucc.server.evidence.EvidenceProviderException;

/** Checks shared by the SNP providers. */
final class SnpProviders {

  private SnpProviders() {}

  static void checkReportData(byte[] reportData) throws EvidenceProviderException {
    CpuEvidenceProvider.requireReportData("SEV-SNP", reportData);
  }

  /**
   * Sanity check of what the device returned: a parseable report carrying our REPORT_DATA.
   * Verification proper is the verifier's job; this catches a confused interface early.
   */
  static void checkReturned(byte[] report, byte[] reportData, String source)
      throws EvidenceProviderException {
    try {
      SnpReport r = SnpReport.parse(report);
      if (!Digests.equal(r.reportData(), reportData)) {
        throw new EvidenceProviderException(source + " returned a report whose REPORT_DATA is not the"
            + " requested one (another request interfered?)");
      }
    } catch (EvidenceFormatException e) {
      throw new EvidenceProviderException(source + " returned a malformed SNP report: " + e.getMessage(), e);
    }
  }
}
