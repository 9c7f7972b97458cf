package dev.gpucc.server.evidence.gpu;

import dev.gpucc.attestation.gpu.sim.SimulatedNvidiaAuthority;
import dev.gpucc.proto.v1.GpuEvidence;
import dev.gpucc.proto.v1.GpuInfo;
import dev.gpucc.server.evidence.EvidenceProviderException;
import dev.gpucc.server.evidence.GpuEvidenceProvider;
import java.util.ArrayList;
import java.util.List;

/**
 * Simulated GPU evidence for machines without a CC-mode GPU: real SPDM 1.1 format signed by a
 * {@link SimulatedNvidiaAuthority} (gpucc-made root, O=SimulatedRoots.ORGANIZATION). Verifiers
 * accept it only when simulated evidence is allowed, and label it SIMULATED.
 */
public final class SimulatedGpuProvider implements GpuEvidenceProvider {
  private final SimulatedNvidiaAuthority authority;
  private final List<GpuInfo> gpus;

  public SimulatedGpuProvider(SimulatedNvidiaAuthority authority, int gpuCount) {
    if (gpuCount < 0 || gpuCount > 64) {
      throw new IllegalArgumentException("gpuCount out of range: " + gpuCount);
    }
    this.authority = authority;
    List<GpuInfo> list = new ArrayList<>();
    for (int i = 0; i < gpuCount; i++) {
      list.add(GpuInfo.newBuilder()
          .setIndex(i)
          .setName("gpucc simulated H100 (no hardware)")
          .setUuid("GPU-SIMULATED-" + i)
          .setCcModeOn(true)
          .setDevtoolsModeOn(false)
          .setDriverVersion(SimulatedNvidiaAuthority.DRIVER_VERSION)
          .setVbiosVersion(SimulatedNvidiaAuthority.VBIOS_VERSION)
          .setEvidenceSimulated(true)
          .build());
    }
    this.gpus = List.copyOf(list);
  }

  public SimulatedNvidiaAuthority authority() {
    return authority;
  }

  @Override
  public String name() {
    return SimulatedNvidiaAuthority.PROVIDER;
  }

  @Override
  public boolean simulated() {
    return true;
  }

  @Override
  public List<GpuInfo> gpus() {
    return gpus;
  }

  @Override
  public GpuEvidence collect(int gpuIndex, byte[] nonce) throws EvidenceProviderException {
    if (gpuIndex < 0 || gpuIndex >= gpus.size()) {
      throw new EvidenceProviderException("no simulated GPU with index " + gpuIndex + " (" + gpus.size() + " configured)");
    }
    return authority.attest(gpuIndex, nonce);
  }
}
