package dev.gpucc.attestation.transcript;

import com.google.protobuf.InvalidProtocolBufferException;
import dev.gpucc.attestation.Digests;
import dev.gpucc.attestation.EvidenceVerifier;
import dev.gpucc.attestation.Hex;
import dev.gpucc.attestation.Verdict;
import dev.gpucc.attestation.VerifyOptions;
import dev.gpucc.proto.v1.AttestResponse;
import dev.gpucc.proto.v1.Policy;
import dev.gpucc.proto.v1.SessionTranscript;
import java.time.Instant;

/**
 * Verifies a server's answer to Attest before the client sends any input: the session transcript
 * must answer this client's nonce and bind the TLS key of the channel the client is using, and
 * the evidence must carry SHA-512 of the transcript (CPU) and the derived nonces (GPUs).
 */
public final class SessionVerifier {
  private final VerifyOptions options;
  private final Policy policy;

  public SessionVerifier(VerifyOptions options, Policy policy) {
    this.options = options;
    this.policy = policy;
  }

  /**
   * @param clientNonce the nonce this client sent
   * @param observedTlsKeyDigest TranscriptDigests.tlsKeyDigest of the channel's peer key
   */
  public Verdict verify(AttestResponse response, byte[] clientNonce, byte[] observedTlsKeyDigest) {
    Verdict.Builder out = Verdict.builder();
    byte[] bytes = response.getTranscript().toByteArray();
    SessionTranscript t;
    try {
      t = SessionTranscript.parseFrom(bytes);
    } catch (InvalidProtocolBufferException e) {
      return out.reject("TRANSCRIPT_MALFORMED", "session transcript does not parse: " + e.getMessage()).build();
    }
    out.claim("session.id", t.getSessionId());
    out.claim("session.server_version", t.getServerVersion());
    out.claim("session.issued_at", Instant.ofEpochMilli(t.getIssuedAtUnixMs()).toString());
    if (!TranscriptDigests.SESSION_TRANSCRIPT_DOMAIN.equals(t.getDomain())) {
      out.reject("TRANSCRIPT_DOMAIN", "transcript domain is '" + t.getDomain() + "', expected '"
          + TranscriptDigests.SESSION_TRANSCRIPT_DOMAIN + "'");
    }
    if (!Digests.equal(clientNonce, t.getClientNonce().toByteArray())) {
      out.reject("TRANSCRIPT_NONCE_MISMATCH", "client nonce: expected " + Hex.encode(clientNonce)
          + ", transcript has " + Hex.encode(t.getClientNonce().toByteArray()) + " (replayed evidence?)");
    }
    byte[] boundKey = t.getTlsPublicKeySha256().toByteArray();
    if (!Digests.equal(observedTlsKeyDigest, boundKey)) {
      out.reject("TRANSCRIPT_TLS_KEY_MISMATCH", "the channel's TLS key " + Hex.encode(observedTlsKeyDigest)
          + " is not the key the evidence binds (" + Hex.encode(boundKey) + "): possible man in the middle");
    }
    ReceiptVerifier.checkGpuDigests(response.getEvidence(), t.getGpuEvidenceSha256List(), out);
    new EvidenceVerifier(options)
        .verify(
            response.getEvidence(),
            TranscriptDigests.reportData(bytes),
            i -> TranscriptDigests.gpuSessionNonce(
                t.getClientNonce().toByteArray(), boundKey, t.getSessionPublicKey().toByteArray(), i),
            policy,
            out);
    return out.build();
  }

}
