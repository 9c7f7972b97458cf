package dev.gpucc.attestation.tdx.collateral;

import java.util.List;

/**
 * What survived collateral verification: the TCB info and QE identity whose signatures, chains,
 * windows and bindings all passed (null when missing or rejected), and the names of the items
 * that were not supplied at all.
 */
public record VerifiedCollateral(TcbInfo tcbInfo, QeIdentity qeIdentity, List<String> missing) {
  public VerifiedCollateral {
    missing = List.copyOf(missing);
  }

  public boolean complete() {
    return missing.isEmpty();
  }
}
