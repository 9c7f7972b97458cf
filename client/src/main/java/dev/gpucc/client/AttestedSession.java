package dev.gpucc.client;

import dev.gpucc.attestation.Verdict;
import dev.gpucc.proto.v1.AttestationMode;
import java.time.Instant;

/**
 * The result of a successful Attest: the verdict, the TLS key digest the evidence binds, and for
 * SESSION mode the verified session transcript bytes and the nonce that produced them.
 */
public record AttestedSession(
    String sessionId,
    Verdict verdict,
    byte[] tlsKeyDigest,
    AttestationMode mode,
    byte[] sessionTranscript,
    byte[] attestNonce,
    Instant verifiedAt) {}
