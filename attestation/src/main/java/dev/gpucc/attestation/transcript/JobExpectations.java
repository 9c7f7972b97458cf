package dev.gpucc.attestation.transcript;

import java.util.Optional;

/**
 * What the client itself knows about a job, against which the server's transcript is checked:
 * the nonce it chose, the job spec bytes it sent, the digests of the inputs it sent and of the
 * outputs it received, and (when the receipt came over a live channel) the TLS key it saw.
 *
 * @param expectedKernelDigest the kernel digest the client expects (catalog or custom), if known
 * @param observedTlsKeyDigest TranscriptDigests.tlsKeyDigest of the peer's key, if known
 * @param verifiedSessionTranscript SESSION mode: the session transcript bytes whose evidence this
 *     client already verified (skips re-verifying the same evidence for every job)
 * @param sessionClientNonce SESSION mode: the nonce the client sent in Attest, if known
 */
public record JobExpectations(
    byte[] clientNonce,
    byte[] jobSpecBytes,
    byte[] inputDigest,
    byte[] outputDigest,
    Optional<byte[]> expectedKernelDigest,
    Optional<byte[]> observedTlsKeyDigest,
    Optional<byte[]> verifiedSessionTranscript,
    Optional<byte[]> sessionClientNonce) {

  /** PER_JOB expectations (no session). */
  public JobExpectations(
      byte[] clientNonce,
      byte[] jobSpecBytes,
      byte[] inputDigest,
      byte[] outputDigest,
      Optional<byte[]> expectedKernelDigest,
      Optional<byte[]> observedTlsKeyDigest) {
    this(clientNonce, jobSpecBytes, inputDigest, outputDigest, expectedKernelDigest, observedTlsKeyDigest,
        Optional.empty(), Optional.empty());
  }
}
