package dev.gpucc.server.evidence.tdx;

import dev.gpucc.server.evidence.EvidenceProviderException;

/**
 * Produces a TDREPORT (1024 bytes, MAC-protected, not remotely verifiable) for 64 bytes of report
 * data; the QGS turns it into a quote.
 */
public interface TdReportSource {
  byte[] tdReport(byte[] reportData) throws EvidenceProviderException;
}
