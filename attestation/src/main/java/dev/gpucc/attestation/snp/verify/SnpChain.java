package dev.gpucc.attestation.snp.verify;

import dev.gpucc.attestation.snp.abi.SignerInfo;
import dev.gpucc.attestation.snp.abi.SnpProductLine;
import java.security.cert.X509Certificate;
import java.util.Optional;

/**
 * The certificates needed to verify one report: the endorsement key (VCEK or VLEK) that signed
 * it, and the issuing ASK/ASVK and ARK when supplied with the evidence. Missing ASK/ARK are taken
 * from the pinned roots of the product line.
 */
public record SnpChain(
    X509Certificate endorsementKey,
    SignerInfo.SigningKey kind,
    Optional<X509Certificate> intermediate,
    Optional<X509Certificate> root,
    Optional<SnpProductLine> declaredLine) {}
