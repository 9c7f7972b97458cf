package dev.gpucc.attestation.snp.verify;

import dev.gpucc.attestation.snp.abi.SnpProductLine;
import java.security.cert.X509Certificate;
import java.util.List;
import java.util.Optional;

/**
 * A verified SNP chain: leaf (VCEK/VLEK), intermediate (ASK/ASVK), root (ARK).
 *
 * @param rootLabel "ARK-Milan (AMD)" or "SIMULATED"
 * @param productLine the product line of a pinned AMD root; empty for a simulated root
 * @param crlChecked true when a CRL signed by the root was applied
 */
public record ChainResult(
    List<X509Certificate> chain,
    String rootLabel,
    boolean simulated,
    Optional<SnpProductLine> productLine,
    boolean crlChecked) {
  public ChainResult {
    chain = List.copyOf(chain);
  }

  public X509Certificate leaf() {
    return chain.get(0);
  }

  public X509Certificate intermediate() {
    return chain.get(1);
  }

  public X509Certificate root() {
    return chain.get(2);
  }
}
