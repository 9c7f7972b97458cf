package dev.gpucc.server.evidence.snp;

import dev.gpucc.attestation.snp.sim.SimulatedAmdAuthority;
import dev.gpucc.attestation.snp.sim.SimulatedReportOptions;
import dev.gpucc.proto.v1.Evidence;
import dev.gpucc.proto.v1.TeeKind;
import dev.gpucc.server.evidence.CpuEvidenceProvider;
import dev.gpucc.server.evidence.EvidenceProviderException;
import java.util.Objects;

/**
 * SIMULATED SEV-SNP evidence for machines without a TEE: real report format and crypto, signed by
 * a {@link SimulatedAmdAuthority} whose root verifiers trust only when told to. Used only when
 * the server is explicitly configured for simulation; never as a fallback.
 */
public final class SimulatedSnpProvider implements CpuEvidenceProvider {
  public static final String NAME = "simulated-snp";

  private final SimulatedAmdAuthority authority;
  private final SimulatedReportOptions options;

  public SimulatedSnpProvider(SimulatedAmdAuthority authority) {
    this(authority, SimulatedReportOptions.defaults());
  }

  public SimulatedSnpProvider(SimulatedAmdAuthority authority, SimulatedReportOptions options) {
    this.authority = Objects.requireNonNull(authority, "authority");
    this.options = Objects.requireNonNull(options, "options");
  }

  public SimulatedAmdAuthority authority() {
    return authority;
  }

  @Override
  public String name() {
    return NAME;
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
  public Evidence.Builder collect(byte[] reportData) throws EvidenceProviderException {
    SnpProviders.checkReportData(reportData);
    return Evidence.newBuilder().setSnp(authority.attest(reportData, options));
  }
}
