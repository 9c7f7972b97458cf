package dev.gpucc.server.evidence.gpu;

import com.sun.jna.Structure;
import com.sun.jna.Structure.FieldOrder;

/**
 * C structs of the NVML confidential-computing API, x86-64 layouts with JNA default alignment
 * (evidence-formats §4.1; sizes asserted by NvmlStructsTest: 8, 12, 20, 9224, 12332).
 */
public final class NvmlStructs {
  private NvmlStructs() {}

  /** nvmlConfComputeSystemCaps_t (8 bytes). cpuCaps: 0 none, 1 SEV, 2 TDX, 3 SNP, 4 SNP vTOM. */
  @FieldOrder({"cpuCaps", "gpusCaps"})
  public static class ConfComputeSystemCaps extends Structure {
    public int cpuCaps;
    public int gpusCaps;
  }

  /** nvmlConfComputeSystemState_t (12 bytes). environment 0 unavailable, 1 sim, 2 prod. */
  @FieldOrder({"environment", "ccFeature", "devToolsMode"})
  public static class ConfComputeSystemState extends Structure {
    public int environment;
    public int ccFeature;
    public int devToolsMode;
  }

  /** nvmlSystemConfComputeSettings_v1_t (20 bytes); version must be set to 0x01000014. */
  @FieldOrder({"version", "environment", "ccFeature", "devToolsMode", "multiGpuMode"})
  public static class SystemConfComputeSettings extends Structure {
    public static final int VERSION_1 = 0x01000014;
    public int version = VERSION_1;
    public int environment;
    public int ccFeature;
    public int devToolsMode;
    public int multiGpuMode;
  }

  /** nvmlConfComputeGpuCertificate_t (9224 bytes). attestationCertChain is the 5-cert PEM. */
  @FieldOrder({"certChainSize", "attestationCertChainSize", "certChain", "attestationCertChain"})
  public static class ConfComputeGpuCertificate extends Structure {
    public int certChainSize;
    public int attestationCertChainSize;
    public byte[] certChain = new byte[0x1000];
    public byte[] attestationCertChain = new byte[0x1400];
  }

  /** nvmlConfComputeGpuAttestationReport_t (12332 bytes); {@code nonce} is the caller's input. */
  @FieldOrder({"isCecAttestationReportPresent", "attestationReportSize", "cecAttestationReportSize",
      "nonce", "attestationReport", "cecAttestationReport"})
  public static class ConfComputeGpuAttestationReport extends Structure {
    public int isCecAttestationReportPresent;
    public int attestationReportSize;
    public int cecAttestationReportSize;
    public byte[] nonce = new byte[32];
    public byte[] attestationReport = new byte[0x2000];
    public byte[] cecAttestationReport = new byte[0x1000];
  }

  /** nvmlMemory_t (24 bytes): total, free, used in bytes. */
  @FieldOrder({"total", "free", "used"})
  public static class Memory extends Structure {
    public long total;
    public long free;
    public long used;
  }
}
