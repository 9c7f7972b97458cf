package dev.gpucc.server;

import com.google.protobuf.ByteString;
import dev.gpucc.attestation.transcript.TranscriptDigests;
import dev.gpucc.proto.v1.Receipt;
import dev.gpucc.proto.v1.SessionProof;
import java.security.GeneralSecurityException;
import java.security.Signature;
import org.bouncycastle.jce.provider.BouncyCastleProvider;

/** SESSION mode: signs a job transcript with the session key (ECDSA P-384, SHA-384, DER). */
final class ReceiptSigner {
  private static final BouncyCastleProvider BC = new BouncyCastleProvider();

  private ReceiptSigner() {}

  static Receipt sign(Session session, byte[] jobTranscript) {
    try {
      Signature sig = Signature.getInstance("SHA384withECDSA", BC);
      sig.initSign(session.signingKey().getPrivate());
      sig.update(TranscriptDigests.receiptSignatureInput(jobTranscript));
      return Receipt.newBuilder()
          .setJobTranscript(ByteString.copyFrom(jobTranscript))
          .setSession(
              SessionProof.newBuilder()
                  .setSessionTranscript(ByteString.copyFrom(session.transcript()))
                  .setSessionEvidence(session.evidence())
                  .setSignature(ByteString.copyFrom(sig.sign())))
          .build();
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("cannot sign with the session key", e);
    }
  }
}
