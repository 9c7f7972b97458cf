package dev.gpucc.server;

import dev.gpucc.attestation.transcript.TranscriptDigests;
import dev.gpucc.proto.v1.Evidence;
import dev.gpucc.proto.v1.GpuEvidence;
import dev.gpucc.server.evidence.CpuEvidenceProvider;
import dev.gpucc.server.evidence.EvidenceProviderException;
import dev.gpucc.server.evidence.GpuEvidenceProvider;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.IntFunction;

/**
 * Collects evidence in the order the binding requires: first every GPU's evidence over its
 * derived nonce, then (once the transcript holding their digests is final) the CPU evidence over
 * SHA-512 of the transcript bytes.
 */
public final class EvidenceCollector {
  private final CpuEvidenceProvider cpu;
  private final Optional<GpuEvidenceProvider> gpu;

  public EvidenceCollector(CpuEvidenceProvider cpu, Optional<GpuEvidenceProvider> gpu) {
    this.cpu = cpu;
    this.gpu = gpu;
  }

  public CpuEvidenceProvider cpu() {
    return cpu;
  }

  public Optional<GpuEvidenceProvider> gpu() {
    return gpu;
  }

  public List<GpuEvidence> gpuEvidence(IntFunction<byte[]> nonceForIndex) throws EvidenceProviderException {
    List<GpuEvidence> out = new ArrayList<>();
    if (gpu.isPresent()) {
      int n = gpu.get().gpus().size();
      for (int i = 0; i < n; i++) {
        out.add(gpu.get().collect(i, nonceForIndex.apply(i)));
      }
    }
    return out;
  }

  public static List<byte[]> digests(List<GpuEvidence> gpus) {
    List<byte[]> out = new ArrayList<>();
    gpus.forEach(g -> out.add(TranscriptDigests.gpuEvidenceDigest(g)));
    return out;
  }

  /** CPU evidence over SHA-512(transcriptBytes), bundled with the GPU evidence. */
  public Evidence evidence(byte[] transcriptBytes, List<GpuEvidence> gpus) throws EvidenceProviderException {
    Evidence.Builder e = cpu.collect(TranscriptDigests.reportData(transcriptBytes));
    e.clearGpus().addAllGpus(gpus);
    return e.build();
  }
}
