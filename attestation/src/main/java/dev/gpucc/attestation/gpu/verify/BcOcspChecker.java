package dev.gpucc.attestation.gpu.verify;

import dev.gpucc.attestation.AttestationVerificationException;
import dev.gpucc.attestation.ChainVerifier;
import dev.gpucc.attestation.VerifyOptions;
import java.io.IOException;
import java.net.URI;
import java.security.SecureRandom;
import java.security.cert.X509Certificate;
import java.util.Arrays;
import java.util.Date;
import java.util.Objects;
import org.bouncycastle.asn1.DEROctetString;
import org.bouncycastle.asn1.ASN1OctetString;
import org.bouncycastle.asn1.nist.NISTObjectIdentifiers;
import org.bouncycastle.asn1.ocsp.OCSPObjectIdentifiers;
import org.bouncycastle.asn1.x509.AlgorithmIdentifier;
import org.bouncycastle.asn1.x509.CRLReason;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.Extensions;
import org.bouncycastle.asn1.x509.KeyPurposeId;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.cert.jcajce.JcaX509CertificateHolder;
import org.bouncycastle.cert.ocsp.BasicOCSPResp;
import org.bouncycastle.cert.ocsp.CertificateID;
import org.bouncycastle.cert.ocsp.CertificateStatus;
import org.bouncycastle.cert.ocsp.OCSPReq;
import org.bouncycastle.cert.ocsp.OCSPReqBuilder;
import org.bouncycastle.cert.ocsp.OCSPResp;
import org.bouncycastle.cert.ocsp.RevokedStatus;
import org.bouncycastle.cert.ocsp.SingleResp;
import org.bouncycastle.operator.DigestCalculator;
import org.bouncycastle.operator.jcajce.JcaContentVerifierProviderBuilder;
import org.bouncycastle.operator.jcajce.JcaDigestCalculatorProviderBuilder;

/**
 * OCSP as nvtrust does it (evidence-formats §4.7): CertID with SHA-384, a 32-byte nonce extension
 * (critical), POST application/ocsp-request; the response must be SUCCESSFUL, carry the same
 * nonce, be signed by the issuer or by a delegated responder certificate the issuer signed (with
 * the OCSP-signing EKU), be current at the verification instant, and say GOOD. REVOKED with
 * reason certificateHold is accepted only with {@code allowHold}. Bouncy Castle is passed
 * explicitly. Network access is only through the given {@link OcspTransport}.
 */
public final class BcOcspChecker implements OcspChecker {
  /** NVIDIA's responder (nvtrust default; env NV_OCSP_URL overrides there). */
  public static final URI NVIDIA_OCSP = URI.create("https://ocsp.ndis.nvidia.com/");

  /** Sends one DER OCSP request and returns the DER response (HTTP or a test double). */
  public interface OcspTransport {
    byte[] post(URI responder, byte[] request) throws IOException;
  }

  private final URI responder;
  private final OcspTransport transport;
  private final boolean allowHold;
  private final SecureRandom random;

  public BcOcspChecker(URI responder, OcspTransport transport, boolean allowHold, SecureRandom random) {
    this.responder = Objects.requireNonNull(responder, "responder");
    this.transport = Objects.requireNonNull(transport, "transport");
    this.allowHold = allowHold;
    this.random = Objects.requireNonNull(random, "random");
  }

  @Override
  public String describe() {
    return "OCSP " + responder;
  }

  @Override
  public void checkNotRevoked(X509Certificate cert, X509Certificate issuer, VerifyOptions options)
      throws AttestationVerificationException {
    String who = "'" + ChainVerifier.subject(cert) + "'";
    try {
      DigestCalculator sha384 = new JcaDigestCalculatorProviderBuilder().setProvider(options.provider()).build()
          .get(new AlgorithmIdentifier(NISTObjectIdentifiers.id_sha384));
      CertificateID id = new CertificateID(sha384, new JcaX509CertificateHolder(issuer), cert.getSerialNumber());
      byte[] nonce = new byte[32];
      random.nextBytes(nonce);
      OCSPReq req = new OCSPReqBuilder().addRequest(id)
          // Nonce ::= OCTET STRING, DER-encoded inside extnValue (RFC 8954 §2.1).
          .setRequestExtensions(new Extensions(Extension.create(
              OCSPObjectIdentifiers.id_pkix_ocsp_nonce, true, new DEROctetString(nonce))))
          .build();
      byte[] answer = transport.post(responder, req.getEncoded());
      OCSPResp resp = new OCSPResp(answer);
      if (resp.getStatus() != OCSPResp.SUCCESSFUL) {
        throw failed(who + ": responder status " + resp.getStatus() + " (not SUCCESSFUL)");
      }
      BasicOCSPResp basic = (BasicOCSPResp) resp.getResponseObject();
      checkNonce(basic, nonce, who);
      checkSigner(basic, issuer, options, who);
      checkStatus(basic, id, options, who);
    } catch (AttestationVerificationException e) {
      throw e;
    } catch (IOException e) {
      throw failed(who + ": no OCSP answer from " + responder + ": " + e.getMessage());
    } catch (Exception e) {
      throw failed(who + ": OCSP response cannot be processed: " + e.getMessage());
    }
  }

  private static void checkNonce(BasicOCSPResp basic, byte[] nonce, String who)
      throws AttestationVerificationException {
    Extension ext = basic.getExtension(OCSPObjectIdentifiers.id_pkix_ocsp_nonce);
    byte[] got = null;
    if (ext != null) {
      byte[] raw = ext.getExtnValue().getOctets();
      try {
        got = ASN1OctetString.getInstance(raw).getOctets();
      } catch (RuntimeException notDer) {
        got = raw; // some responders echo the bare nonce
      }
    }
    if (got == null || !Arrays.equals(got, nonce)) {
      throw failed(who + ": OCSP response nonce does not match the request nonce");
    }
  }

  private static void checkSigner(BasicOCSPResp basic, X509Certificate issuer, VerifyOptions options, String who)
      throws Exception {
    X509CertificateHolder issuerHolder = new JcaX509CertificateHolder(issuer);
    X509CertificateHolder signer = issuerHolder;
    X509CertificateHolder[] certs = basic.getCerts();
    if (certs.length > 0 && !certs[0].equals(issuerHolder)) {
      signer = certs[0];
      // Delegated responder: signed by the issuer, OCSP-signing EKU, valid now.
      boolean issued = signer.isSignatureValid(
          new JcaContentVerifierProviderBuilder().setProvider(options.provider()).build(issuer));
      org.bouncycastle.asn1.x509.ExtendedKeyUsage eku =
          org.bouncycastle.asn1.x509.ExtendedKeyUsage.fromExtensions(signer.getExtensions());
      if (!issued || eku == null || !eku.hasKeyPurposeId(KeyPurposeId.id_kp_OCSPSigning)) {
        throw failed(who + ": OCSP responder certificate '" + signer.getSubject()
            + "' is not an OCSP signer delegated by the issuer");
      }
      if (!signer.isValidOn(Date.from(options.at()))) {
        throw failed(who + ": OCSP responder certificate is not valid at " + options.at());
      }
    }
    boolean ok = basic.isSignatureValid(
        new JcaContentVerifierProviderBuilder().setProvider(options.provider()).build(signer));
    if (!ok) {
      throw failed(who + ": OCSP response signature does not verify");
    }
  }

  private void checkStatus(BasicOCSPResp basic, CertificateID id, VerifyOptions options, String who)
      throws AttestationVerificationException {
    Date at = Date.from(options.at());
    for (SingleResp s : basic.getResponses()) {
      if (!s.getCertID().equals(id)) {
        continue;
      }
      if (s.getThisUpdate().after(at) || (s.getNextUpdate() != null && s.getNextUpdate().before(at))) {
        throw failed(who + ": OCSP answer is not current at " + options.at() + " (thisUpdate "
            + s.getThisUpdate().toInstant() + ", nextUpdate "
            + (s.getNextUpdate() == null ? "none" : s.getNextUpdate().toInstant()) + ")");
      }
      CertificateStatus status = s.getCertStatus();
      if (status == CertificateStatus.GOOD) {
        return;
      }
      if (status instanceof RevokedStatus r) {
        int reason = r.hasRevocationReason() ? r.getRevocationReason() : -1;
        if (reason == CRLReason.certificateHold && allowHold) {
          return;
        }
        throw new AttestationVerificationException(GpuCodes.OCSP_REVOKED,
            who + " is REVOKED since " + r.getRevocationTime().toInstant()
                + (reason >= 0 ? " (reason " + reason + ")" : ""));
      }
      throw failed(who + ": OCSP status UNKNOWN");
    }
    throw failed(who + ": OCSP response has no answer for serial " + id.getSerialNumber().toString(16));
  }

  private static AttestationVerificationException failed(String msg) {
    return new AttestationVerificationException(GpuCodes.OCSP_FAILED, msg);
  }
}
