package dev.gpucc.server;

import com.google.protobuf.ByteString;
import dev.gpucc.attestation.transcript.TranscriptDigests;
import dev.gpucc.proto.v1.AttestRequest;
import dev.gpucc.proto.v1.AttestResponse;
import dev.gpucc.proto.v1.AttestationMode;
import dev.gpucc.proto.v1.Evidence;
import dev.gpucc.proto.v1.GpuEvidence;
import dev.gpucc.proto.v1.SessionTranscript;
import dev.gpucc.server.evidence.EvidenceProviderException;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.SecureRandom;
import java.security.spec.ECGenParameterSpec;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.bouncycastle.jce.provider.BouncyCastleProvider;

/**
 * Answers Attest: a session transcript binding the client's nonce, the TLS key and (SESSION mode)
 * a fresh session signing key, with GPU evidence over the session nonce and CPU evidence over
 * SHA-512 of the transcript.
 */
final class Attestor {
  private final EvidenceCollector evidence;
  private final SessionStore sessions;
  private final byte[] tlsKeyDigest;
  private final Duration sessionMaxAge;
  private final Clock clock;
  private final BouncyCastleProvider bc = new BouncyCastleProvider();

  Attestor(EvidenceCollector evidence, SessionStore sessions, byte[] tlsKeyDigest, Duration sessionMaxAge, Clock clock) {
    this.evidence = evidence;
    this.sessions = sessions;
    this.tlsKeyDigest = tlsKeyDigest.clone();
    this.sessionMaxAge = sessionMaxAge;
    this.clock = clock;
  }

  AttestResponse attest(AttestRequest request) throws RequestException, EvidenceProviderException {
    byte[] nonce = request.getClientNonce().toByteArray();
    if (nonce.length != TranscriptDigests.NONCE_BYTES) {
      throw RequestException.invalid("client_nonce must be 32 bytes, got " + nonce.length);
    }
    boolean sessionMode = request.getMode() == AttestationMode.ATTESTATION_MODE_SESSION;
    KeyPair key = sessionMode ? newSigningKey() : null;
    byte[] sessionPublicKey = key == null ? new byte[0] : key.getPublic().getEncoded();
    String sessionId = UUID.randomUUID().toString();
    List<GpuEvidence> gpus =
        evidence.gpuEvidence(i -> TranscriptDigests.gpuSessionNonce(nonce, tlsKeyDigest, sessionPublicKey, i));
    List<byte[]> gpuDigests = EvidenceCollector.digests(gpus);
    Instant now = clock.instant();
    Instant expires = now.plus(sessionMaxAge);
    SessionTranscript.Builder t =
        SessionTranscript.newBuilder()
            .setDomain(TranscriptDigests.SESSION_TRANSCRIPT_DOMAIN)
            .setClientNonce(ByteString.copyFrom(nonce))
            .setTlsPublicKeySha256(ByteString.copyFrom(tlsKeyDigest))
            .setSessionPublicKey(ByteString.copyFrom(sessionPublicKey))
            .setServerVersion(ServerVersion.get())
            .setSessionId(sessionId)
            .setIssuedAtUnixMs(now.toEpochMilli())
            .setExpiresAtUnixMs(expires.toEpochMilli());
    gpuDigests.forEach(d -> t.addGpuEvidenceSha256(ByteString.copyFrom(d)));
    byte[] transcript = t.build().toByteArray();
    Evidence ev = evidence.evidence(transcript, gpus);
    if (sessionMode) {
      sessions.add(new Session(sessionId, key, transcript, ev, gpuDigests, expires));
    }
    return AttestResponse.newBuilder()
        .setTranscript(ByteString.copyFrom(transcript))
        .setEvidence(ev)
        .setSessionId(sessionId)
        .build();
  }

  private KeyPair newSigningKey() {
    try {
      KeyPairGenerator kpg = KeyPairGenerator.getInstance("EC", bc);
      kpg.initialize(new ECGenParameterSpec("secp384r1"), new SecureRandom());
      return kpg.generateKeyPair();
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("cannot make a session key", e);
    }
  }
}
