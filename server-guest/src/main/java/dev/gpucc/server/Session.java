package dev.gpucc.server;

import dev.gpucc.proto.v1.Evidence;
import java.security.KeyPair;
import java.time.Instant;
import java.util.List;

/**
 * An attested session (SESSION mode): a signing key made in the VM, bound by the session's
 * evidence, that signs each job's transcript so a job costs one signature instead of a fresh
 * hardware report.
 */
record Session(
    String id,
    KeyPair signingKey,
    byte[] transcript,
    Evidence evidence,
    List<byte[]> gpuEvidenceDigests,
    Instant expiresAt) {}
