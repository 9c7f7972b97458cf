package dev.gpucc.client;

import dev.gpucc.attestation.Verdict;

/** The result of a successful Attest: the server's verdict and the key digest the evidence binds. */
public record AttestedSession(String sessionId, Verdict verdict, byte[] tlsKeyDigest) {}
