package dev.gpucc.attestation.transcript;

import com.google.protobuf.InvalidProtocolBufferException;
import dev.gpucc.attestation.Digests;
import dev.gpucc.attestation.EvidenceVerifier;
import dev.gpucc.attestation.Verdict;
import dev.gpucc.attestation.VerifyOptions;
import dev.gpucc.proto.v1.JobTranscript;
import dev.gpucc.proto.v1.Policy;
import dev.gpucc.proto.v1.SessionProof;
import dev.gpucc.proto.v1.SessionTranscript;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.PublicKey;
import java.security.Signature;
import java.security.spec.X509EncodedKeySpec;

/**
 * SESSION-mode receipts: the job transcript is signed by a session key that the session's evidence
 * binds. Checks the signature, that the job belongs to that session (id, TLS key, GPU evidence,
 * time within the session's life and the policy's maximum age), and the session evidence itself
 * unless the client already verified exactly these session bytes.
 */
final class SessionProofVerifier {
  private final VerifyOptions options;
  private final Policy policy;

  SessionProofVerifier(VerifyOptions options, Policy policy) {
    this.options = options;
    this.policy = policy;
  }

  void verify(SessionProof proof, JobTranscript job, byte[] jobBytes, JobExpectations expected, Verdict.Builder out) {
    byte[] sessionBytes = proof.getSessionTranscript().toByteArray();
    SessionTranscript s;
    try {
      s = SessionTranscript.parseFrom(sessionBytes);
    } catch (InvalidProtocolBufferException e) {
      out.reject("SESSION_TRANSCRIPT_MALFORMED", "session transcript does not parse: " + e.getMessage());
      return;
    }
    out.claim("session.id", s.getSessionId());
    checkMembership(s, job, out);
    checkSignature(s, jobBytes, proof.getSignature().toByteArray(), out);
    boolean alreadyVerified =
        expected.verifiedSessionTranscript().map(v -> Digests.equal(v, sessionBytes)).orElse(false);
    if (!alreadyVerified) {
      verifySessionEvidence(proof, s, sessionBytes, expected, out);
    }
  }

  private void checkMembership(SessionTranscript s, JobTranscript job, Verdict.Builder out) {
    if (!TranscriptDigests.SESSION_TRANSCRIPT_DOMAIN.equals(s.getDomain())) {
      out.reject("TRANSCRIPT_DOMAIN", "session transcript domain is '" + s.getDomain() + "'");
    }
    if (!s.getSessionId().equals(job.getSessionId())) {
      out.reject("SESSION_MISMATCH", "job transcript names session '" + job.getSessionId()
          + "', the proof is for session '" + s.getSessionId() + "'");
    }
    if (!s.getTlsPublicKeySha256().equals(job.getTlsPublicKeySha256())) {
      out.reject("SESSION_MISMATCH", "the job's TLS key digest differs from the session's");
    }
    if (!s.getGpuEvidenceSha256List().equals(job.getGpuEvidenceSha256List())) {
      out.reject("TRANSCRIPT_GPU_EVIDENCE_MISMATCH", "the job binds different GPU evidence than its session");
    }
    if (job.getCompletedAtUnixMs() > s.getExpiresAtUnixMs()) {
      out.reject("SESSION_EXPIRED", "the job completed after its session expired");
    }
    long maxAgeMs = 1000L * (policy.getSession().getMaxAgeSeconds() == 0 ? 3600 : policy.getSession().getMaxAgeSeconds());
    long age = job.getCompletedAtUnixMs() - s.getIssuedAtUnixMs();
    if (age > maxAgeMs) {
      out.reject("SESSION_EXPIRED", "session.maxAgeSeconds: the session was " + age / 1000
          + " s old when the job completed; the policy allows " + maxAgeMs / 1000 + " s");
    }
  }

  private void checkSignature(SessionTranscript s, byte[] jobBytes, byte[] signature, Verdict.Builder out) {
    try {
      PublicKey key = KeyFactory.getInstance("EC", options.provider())
          .generatePublic(new X509EncodedKeySpec(s.getSessionPublicKey().toByteArray()));
      Signature sig = Signature.getInstance("SHA384withECDSA", options.provider());
      sig.initVerify(key);
      sig.update(TranscriptDigests.receiptSignatureInput(jobBytes));
      if (!sig.verify(signature)) {
        out.reject("SESSION_SIGNATURE_INVALID", "the session key's signature over the job transcript does not verify");
      }
    } catch (GeneralSecurityException | RuntimeException e) {
      out.reject("SESSION_SIGNATURE_INVALID", "the session signature cannot be checked: " + e.getMessage());
    }
  }

  private void verifySessionEvidence(
      SessionProof proof, SessionTranscript s, byte[] sessionBytes, JobExpectations expected, Verdict.Builder out) {
    expected.sessionClientNonce().ifPresent(n -> {
      if (!Digests.equal(n, s.getClientNonce().toByteArray())) {
        out.reject("TRANSCRIPT_NONCE_MISMATCH", "the session evidence answers a different Attest nonce (replayed session?)");
      }
    });
    ReceiptVerifier.checkGpuDigests(proof.getSessionEvidence(), s.getGpuEvidenceSha256List(), out);
    new EvidenceVerifier(options).verify(
        proof.getSessionEvidence(),
        TranscriptDigests.reportData(sessionBytes),
        i -> TranscriptDigests.gpuSessionNonce(s.getClientNonce().toByteArray(), s.getTlsPublicKeySha256().toByteArray(),
            s.getSessionPublicKey().toByteArray(), i),
        policy,
        out);
  }
}
