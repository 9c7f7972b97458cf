package dev.gpucc.server.evidence.tdx;

import com.sun.jna.Structure;

/**
 * {@code struct tdx_report_req} of linux/tdx-guest.h (evidence-formats §2.2): reportdata[64] @0
 * (in), tdreport[1024] @64 (out); 1088 bytes (asserted in tests).
 */
@Structure.FieldOrder({"reportdata", "tdreport"})
public class TdxReportReq extends Structure {
  public byte[] reportdata = new byte[64];
  public byte[] tdreport = new byte[1024];

  /** Field offset as JNA lays it out (tests assert it equals the kernel's). */
  public int offsetOf(String field) {
    return fieldOffset(field);
  }
}
