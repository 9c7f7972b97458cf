package dev.gpucc.server.evidence.linux;

import com.sun.jna.Structure;

/**
 * {@code struct snp_report_req} (sev-guest.h), 96 bytes: user_data[64] @0 (becomes REPORT_DATA),
 * vmpl @64, rsvd[28] @68 (must be zero).
 */
@Structure.FieldOrder({"user_data", "vmpl", "rsvd"})
public class SnpReportReq extends Structure {
  public static final int SIZE = 96;

  public byte[] user_data = new byte[64];
  public int vmpl;
  public byte[] rsvd = new byte[28];

  /** By-value member of {@link SnpExtReportReq}. */
  public static class ByValue extends SnpReportReq implements Structure.ByValue {}
}
