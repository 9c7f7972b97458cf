package dev.gpucc.server.evidence.snp;

import dev.gpucc.attestation.snp.abi.SnpProductLine;
import dev.gpucc.attestation.snp.sim.SimulatedAmdAuthority;
import dev.gpucc.proto.v1.Evidence;
import dev.gpucc.proto.v1.TeeKind;
import dev.gpucc.server.SimulatedRootHolder;
import dev.gpucc.server.evidence.CpuEvidenceProvider;
import java.security.cert.X509Certificate;

/**
 * SEV-SNP evidence for machines without a TEE: real report format and real signatures from a
 * gpucc-made AMD-style hierarchy ({@link SimulatedAmdAuthority}). Used only when configured.
 */
public final class SimulatedSnpProvider implements CpuEvidenceProvider, SimulatedRootHolder {
  private final SimulatedAmdAuthority authority;

  public SimulatedSnpProvider(SimulatedAmdAuthority authority) {
    this.authority = authority;
  }

  /**
   * The provider over this process's simulated hierarchy. The hierarchy is made once per process
   * (two RSA-4096 keys take seconds) and never leaves memory; a new process has new keys.
   */
  public static SimulatedSnpProvider generate() {
    return new SimulatedSnpProvider(ProcessAuthority.INSTANCE);
  }

  /** Lazily made on first use (holder idiom: thread-safe without locks). */
  private static final class ProcessAuthority {
    static final SimulatedAmdAuthority INSTANCE = SimulatedAmdAuthority.generate(SnpProductLine.MILAN);
  }

  @Override
  public String name() {
    return "simulated-snp";
  }

  @Override
  public TeeKind teeKind() {
    return TeeKind.TEE_KIND_SEV_SNP;
  }

  @Override
  public boolean simulated() {
    return true;
  }

  @Override
  public Evidence.Builder collect(byte[] reportData) {
    return Evidence.newBuilder().setSnp(authority.attest(reportData));
  }

  @Override
  public X509Certificate simulatedRoot() {
    return authority.ark();
  }
}
