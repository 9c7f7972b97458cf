package dev.gpucc.server.evidence;

import dev.gpucc.proto.v1.GpuEvidence;
import dev.gpucc.proto.v1.GpuInfo;
import java.util.List;

/**
 * Produces each GPU's attestation evidence (SPDM GET_MEASUREMENTS report plus certificate chain)
 * for a 32-byte nonce: NVML on a CC-mode GPU, or simulated.
 */
public interface GpuEvidenceProvider {
  String name();

  boolean simulated();

  /** The GPUs this provider can attest, in index order (may be empty). */
  List<GpuInfo> gpus();

  /**
   * Collects fresh evidence from one GPU.
   *
   * @param nonce 32 bytes (docs/PROTOCOL.md, "GPU nonce")
   */
  GpuEvidence collect(int gpuIndex, byte[] nonce) throws EvidenceProviderException;
}
