package dev.gpucc.server.evidence.linux;

import com.sun.jna.Structure;

/**
 * {@code struct snp_ext_report_req} (sev-guest.h), 112 bytes: data @0 (snp_report_req),
 * certs_address @96, certs_len @104, 4 bytes tail padding. On "buffer too small" the kernel writes
 * the required length into certs_len.
 */
@Structure.FieldOrder({"data", "certs_address", "certs_len"})
public class SnpExtReportReq extends Structure {
  public static final int SIZE = 112;

  public SnpReportReq.ByValue data = new SnpReportReq.ByValue();
  public long certs_address;
  public int certs_len;
}
