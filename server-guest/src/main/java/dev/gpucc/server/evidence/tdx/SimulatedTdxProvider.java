package dev.gpucc.server.evidence.tdx;

import dev.gpucc.attestation.tdx.sim.SimulatedIntelAuthority;
import dev.gpucc.proto.v1.Evidence;
import dev.gpucc.proto.v1.TeeKind;
import dev.gpucc.server.evidence.CpuEvidenceProvider;
import dev.gpucc.server.evidence.EvidenceProviderException;
import java.security.GeneralSecurityException;

/**
 * SIMULATED TDX evidence for machines without TDX: real v4 quotes and collateral from a
 * {@link SimulatedIntelAuthority} (a gpucc-made root, not Intel's). Verifiers reject it unless
 * the policy allows simulated evidence; it is labelled simulated everywhere. Only ever used when
 * configured explicitly, never as a fallback.
 */
public final class SimulatedTdxProvider implements CpuEvidenceProvider {
  private final SimulatedIntelAuthority authority;

  public SimulatedTdxProvider(SimulatedIntelAuthority authority) {
    this.authority = authority;
  }

  public static SimulatedTdxProvider create() throws EvidenceProviderException {
    try {
      return new SimulatedTdxProvider(SimulatedIntelAuthority.generate());
    } catch (GeneralSecurityException e) {
      throw new EvidenceProviderException("simulated TDX authority: " + e.getMessage(), e);
    }
  }

  public SimulatedIntelAuthority authority() {
    return authority;
  }

  @Override
  public String name() {
    return "simulated-tdx";
  }

  @Override
  public TeeKind teeKind() {
    return TeeKind.TEE_KIND_TDX;
  }

  @Override
  public boolean simulated() {
    return true;
  }

  @Override
  public Evidence.Builder collect(byte[] reportData) throws EvidenceProviderException {
    CpuEvidenceProvider.requireReportData("simulated TDX", reportData);
    try {
      return Evidence.newBuilder().setTdx(authority.attest(reportData).toBuilder().setProvider(name()));
    } catch (GeneralSecurityException e) {
      throw new EvidenceProviderException("simulated TDX: " + e.getMessage(), e);
    }
  }
}
