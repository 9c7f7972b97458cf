package dev.gpucc.attestation.tdx.verify;

import dev.gpucc.attestation.tdx.abi.PckExtensions;
import java.security.cert.X509Certificate;
import java.util.List;

/**
 * A verified PCK chain: leaf ("Intel SGX PCK Certificate"), intermediate (PCK Platform or
 * Processor CA), root (the pinned Intel SGX Root CA or a trusted simulated root), and the SGX
 * extension values of the leaf.
 */
public record PckChain(
    X509Certificate leaf,
    X509Certificate intermediate,
    X509Certificate root,
    PckExtensions extensions,
    boolean simulated) {
  public List<X509Certificate> asList() {
    return List.of(leaf, intermediate, root);
  }
}
