package dev.gpucc.attestation.tdx.collateral;

import dev.gpucc.attestation.AttestationVerificationException;
import dev.gpucc.attestation.CertificateFiles;
import dev.gpucc.attestation.ChainVerifier;
import dev.gpucc.attestation.EvidenceFormatException;
import dev.gpucc.attestation.Hex;
import dev.gpucc.attestation.Verdict;
import dev.gpucc.attestation.VerifyOptions;
import dev.gpucc.attestation.tdx.TdxCodes;
import dev.gpucc.attestation.tdx.verify.P256;
import dev.gpucc.attestation.tdx.verify.PckChain;
import dev.gpucc.proto.v1.TdxCollateral;
import java.security.cert.CertificateException;
import java.security.cert.X509CRL;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Verifies Intel collateral against an already verified PCK chain (evidence-formats §3.7 steps 2
 * and 3): TCB info and QE identity signatures over the exact signed JSON bytes with the TCB
 * Signing key, their issuer chains to the same root as the PCK chain, their issueDate/nextUpdate
 * windows, FMSPC/PCE-ID binding to the PCK certificate; the root CA CRL and PCK CRL signatures,
 * windows and revocation of the intermediate, the PCK leaf and the TCB Signing cert.
 *
 * <p>Every failure is added to the verdict; each item is used for TCB evaluation only if all of
 * its own checks passed.
 */
public final class CollateralVerifier {
  private final VerifyOptions options;
  private final PckChain pck;
  private final Verdict.Builder out;

  public CollateralVerifier(VerifyOptions options, PckChain pck, Verdict.Builder out) {
    this.options = options;
    this.pck = pck;
    this.out = out;
  }

  /** The collateral items absent from {@code c} (names as in the claim tdx.collateral_missing). */
  public static List<String> missing(TdxCollateral c) {
    List<String> m = new ArrayList<>();
    if (c.getRootCaCrl().isEmpty()) {
      m.add("root_ca_crl");
    }
    if (c.getPckCrl().isEmpty()) {
      m.add("pck_crl");
    }
    if (c.getTcbInfoJson().isEmpty()) {
      m.add("tcb_info");
    } else if (c.getTcbInfoIssuerChainPem().isEmpty()) {
      m.add("tcb_info_issuer_chain");
    }
    if (c.getQeIdentityJson().isEmpty()) {
      m.add("qe_identity");
    } else if (c.getQeIdentityIssuerChainPem().isEmpty()) {
      m.add("qe_identity_issuer_chain");
    }
    return m;
  }

  public VerifiedCollateral verify(TdxCollateral c) {
    List<String> missing = new ArrayList<>();
    X509CRL rootCrl = null;
    if (c.getRootCaCrl().isEmpty()) {
      missing.add("root_ca_crl");
    } else {
      rootCrl = run(() -> rootCrl(c.getRootCaCrl().toByteArray()));
    }
    if (c.getPckCrl().isEmpty()) {
      missing.add("pck_crl");
    } else {
      run(() -> pckCrl(c.getPckCrl().toByteArray()));
      if (!c.getPckCrlIssuerChainPem().isEmpty()) {
        run(() -> issuerChain(c.getPckCrlIssuerChainPem().toByteArray(), "PCK CRL"));
      }
    }
    final X509CRL verifiedRootCrl = rootCrl;
    TcbInfo tcb = null;
    if (c.getTcbInfoJson().isEmpty()) {
      missing.add("tcb_info");
    } else if (c.getTcbInfoIssuerChainPem().isEmpty()) {
      missing.add("tcb_info_issuer_chain");
    } else {
      tcb = run(() -> tcbInfo(c, verifiedRootCrl));
    }
    QeIdentity qe = null;
    if (c.getQeIdentityJson().isEmpty()) {
      missing.add("qe_identity");
    } else if (c.getQeIdentityIssuerChainPem().isEmpty()) {
      missing.add("qe_identity_issuer_chain");
    } else {
      qe = run(() -> qeIdentity(c, verifiedRootCrl));
    }
    return new VerifiedCollateral(tcb, qe, missing);
  }

  private interface Check<T> {
    T get() throws AttestationVerificationException, EvidenceFormatException;
  }

  private <T> T run(Check<T> check) {
    try {
      return check.get();
    } catch (AttestationVerificationException e) {
      out.rejectAll(e.reasons());
    } catch (EvidenceFormatException e) {
      out.reject(e.code(), e.getMessage());
    }
    return null;
  }

  private TcbInfo tcbInfo(TdxCollateral c, X509CRL rootCrl)
      throws AttestationVerificationException, EvidenceFormatException {
    SignedJson sj = SignedJson.parse(c.getTcbInfoJson().toByteArray(), "tcbInfo");
    verifySigned(sj, c.getTcbInfoIssuerChainPem().toByteArray(), rootCrl, "TCB info");
    TcbInfo t = TcbInfo.parse(sj.signedBytes());
    if (!"TDX".equals(t.id()) || t.version() < 3) {
      throw mismatch("TCB info id/version: expected TDX/>=3, got " + t.id() + "/" + t.version());
    }
    if (!Arrays.equals(t.fmspc(), pck.extensions().fmspc())) {
      throw mismatch("TCB info fmspc: expected " + Hex.encode(pck.extensions().fmspc())
          + " (PCK certificate), got " + Hex.encode(t.fmspc()));
    }
    if (!Arrays.equals(t.pceId(), pck.extensions().pceId())) {
      throw mismatch("TCB info pceId: expected " + Hex.encode(pck.extensions().pceId())
          + " (PCK certificate), got " + Hex.encode(t.pceId()));
    }
    window("TCB info", t.issueDate(), t.nextUpdate());
    return t;
  }

  private QeIdentity qeIdentity(TdxCollateral c, X509CRL rootCrl)
      throws AttestationVerificationException, EvidenceFormatException {
    SignedJson sj = SignedJson.parse(c.getQeIdentityJson().toByteArray(), "enclaveIdentity");
    verifySigned(sj, c.getQeIdentityIssuerChainPem().toByteArray(), rootCrl, "QE identity");
    QeIdentity q = QeIdentity.parse(sj.signedBytes());
    if (!"TD_QE".equals(q.id()) || q.version() != 2) {
      throw mismatch("QE identity id/version: expected TD_QE/2, got " + q.id() + "/" + q.version());
    }
    window("QE identity", q.issueDate(), q.nextUpdate());
    return q;
  }

  private void verifySigned(SignedJson sj, byte[] chainPem, X509CRL rootCrl, String what)
      throws AttestationVerificationException {
    List<X509Certificate> chain = issuerChain(chainPem, what);
    X509Certificate signer = chain.get(0);
    if (rootCrl != null && rootCrl.getRevokedCertificate(signer.getSerialNumber()) != null) {
      throw new AttestationVerificationException(
          TdxCodes.PCK_REVOKED, what + " signing certificate serial "
              + signer.getSerialNumber().toString(16) + " is revoked by the root CA CRL");
    }
    if (!P256.verify(signer.getPublicKey(), sj.signedBytes(), sj.signature(), options.provider())) {
      throw new AttestationVerificationException(
          TdxCodes.COLLATERAL_SIGNATURE_INVALID,
          what + " signature does not verify over the raw \"" + sj.member() + "\" bytes with '"
              + ChainVerifier.subject(signer) + "'");
    }
  }

  /** An issuer chain [signer, ..., root]: ends at the PCK chain's root, valid now, verifies. */
  private List<X509Certificate> issuerChain(byte[] chainPem, String what)
      throws AttestationVerificationException {
    List<X509Certificate> chain;
    try {
      chain = CertificateFiles.parse(chainPem);
    } catch (CertificateException | RuntimeException e) {
      throw new AttestationVerificationException(
          TdxCodes.COLLATERAL_MALFORMED, what + " issuer chain does not parse: " + e.getMessage());
    }
    X509Certificate root = chain.get(chain.size() - 1);
    if (chain.size() < 2 || !root.equals(pck.root())) {
      throw new AttestationVerificationException(
          TdxCodes.COLLATERAL_CHAIN_UNTRUSTED,
          what + " issuer chain must be [signing cert, root] ending at the PCK chain's root '"
              + ChainVerifier.subject(pck.root()) + "', got " + chain.size() + " certificates ending at '"
              + ChainVerifier.subject(root) + "'");
    }
    for (X509Certificate cert : chain) {
      ChainVerifier.checkValidity(cert, options.at(), "TDX");
    }
    ChainVerifier.verify(chain, options.at(), options, "TDX_COLLATERAL");
    return chain;
  }

  private X509CRL rootCrl(byte[] der) throws AttestationVerificationException {
    X509CRL crl = crl(der, pck.root(), "root CA CRL");
    if (crl.getRevokedCertificate(pck.intermediate().getSerialNumber()) != null) {
      throw new AttestationVerificationException(
          TdxCodes.PCK_REVOKED, "PCK intermediate '" + ChainVerifier.subject(pck.intermediate())
              + "' is revoked by the root CA CRL");
    }
    return crl;
  }

  private X509CRL pckCrl(byte[] der) throws AttestationVerificationException {
    X509CRL crl = crl(der, pck.intermediate(), "PCK CRL");
    if (crl.getRevokedCertificate(pck.leaf().getSerialNumber()) != null) {
      throw new AttestationVerificationException(
          TdxCodes.PCK_REVOKED, "PCK leaf serial " + pck.leaf().getSerialNumber().toString(16)
              + " is revoked by the PCK CRL");
    }
    return crl;
  }

  private X509CRL crl(byte[] der, X509Certificate issuer, String what)
      throws AttestationVerificationException {
    X509CRL crl;
    try {
      crl = CertificateFiles.parseCrl(der);
    } catch (java.security.cert.CRLException | RuntimeException e) {
      throw new AttestationVerificationException(TdxCodes.CRL_INVALID, what + " does not parse");
    }
    if (!crl.getIssuerX500Principal().equals(issuer.getSubjectX500Principal())) {
      throw new AttestationVerificationException(
          TdxCodes.CRL_INVALID, what + " issuer: expected '" + ChainVerifier.subject(issuer)
              + "', got '" + crl.getIssuerX500Principal().getName() + "'");
    }
    try {
      crl.verify(issuer.getPublicKey(), options.provider());
    } catch (java.security.GeneralSecurityException | RuntimeException e) {
      throw new AttestationVerificationException(
          TdxCodes.CRL_INVALID, what + " signature does not verify with '" + ChainVerifier.subject(issuer) + "'");
    }
    Instant next = crl.getNextUpdate() == null ? null : crl.getNextUpdate().toInstant();
    window(what, crl.getThisUpdate().toInstant(), next);
    return crl;
  }

  private void window(String what, Instant from, Instant until) throws AttestationVerificationException {
    Instant at = options.at();
    if (at.isBefore(from) || (until != null && at.isAfter(until))) {
      throw new AttestationVerificationException(
          TdxCodes.COLLATERAL_EXPIRED,
          what + " is valid " + from + " .. " + until + ", not at the verification time " + at);
    }
  }

  private static AttestationVerificationException mismatch(String message) {
    return new AttestationVerificationException(TdxCodes.COLLATERAL_MISMATCH, message);
  }
}
