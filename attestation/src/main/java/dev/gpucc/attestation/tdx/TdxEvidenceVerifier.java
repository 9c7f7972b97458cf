package dev.gpucc.attestation.tdx;

import dev.gpucc.attestation.AttestationVerificationException;
import dev.gpucc.attestation.CertificateFiles;
import dev.gpucc.attestation.EvidenceFormatException;
import dev.gpucc.attestation.SimulatedRoots;
import dev.gpucc.attestation.Verdict;
import dev.gpucc.attestation.VerifyOptions;
import dev.gpucc.attestation.tdx.abi.TdxQuote;
import dev.gpucc.attestation.tdx.abi.TdxQuoteParser;
import dev.gpucc.attestation.tdx.collateral.CollateralVerifier;
import dev.gpucc.attestation.tdx.collateral.TcbEvaluation;
import dev.gpucc.attestation.tdx.collateral.TcbEvaluator;
import dev.gpucc.attestation.tdx.collateral.VerifiedCollateral;
import dev.gpucc.attestation.tdx.validate.TdxPolicyValidator;
import dev.gpucc.attestation.tdx.verify.PckChain;
import dev.gpucc.attestation.tdx.verify.QuoteVerifier;
import dev.gpucc.proto.v1.TdxEvidence;
import dev.gpucc.proto.v1.TdxPolicy;
import java.security.cert.X509Certificate;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Verifies Intel TDX evidence (a v4/v5 quote plus optional Intel collateral) and applies a
 * {@link TdxPolicy}, in the order of evidence-formats §3.7: parse, quote signature, QE binding,
 * PCK chain to the pinned Intel SGX Root CA (or a trusted simulated root), QE report signature,
 * collateral (signatures over the exact JSON bytes, chains, windows, CRLs), TCB level matching
 * and status convergence, then policy. Every check runs even after another failed, so the
 * verdict lists every reason; claims are prefixed "tdx." (docs/TDX.md).
 *
 * <p>Never throws for bad evidence: all problems become {@link dev.gpucc.attestation.Reason}s.
 */
public final class TdxEvidenceVerifier {
  private final VerifyOptions options;

  public TdxEvidenceVerifier(VerifyOptions options) {
    this.options = Objects.requireNonNull(options, "options");
  }

  /**
   * @param expectedReportData the 64 bytes the quote's REPORTDATA must equal, if known
   */
  public void verify(
      TdxEvidence evidence, Optional<byte[]> expectedReportData, TdxPolicy policy, Verdict.Builder out) {
    Objects.requireNonNull(out, "out");
    if (!evidence.getProvider().isEmpty()) {
      out.claim("tdx.provider", evidence.getProvider());
    }
    TdxQuote quote;
    try {
      quote = TdxQuoteParser.parse(evidence.getQuote().toByteArray());
    } catch (EvidenceFormatException e) {
      out.reject(e.code(), "TDX quote does not parse: " + e.getMessage());
      return;
    }
    TdxClaims.quote(quote, out);
    run(out, () -> QuoteVerifier.checkQeVendor(quote));
    run(out, () -> QuoteVerifier.verifyQuoteSignature(quote, options));
    run(out, () -> QuoteVerifier.verifyQeBinding(quote));
    markSimulated(quote, out);
    PckChain pck = null;
    try {
      pck = QuoteVerifier.verifyPckChain(quote, options);
    } catch (AttestationVerificationException e) {
      out.rejectAll(e.reasons());
    }
    // Items not supplied at all; collateral that is supplied but cannot be used (PCK chain
    // failed, item rejected) is reported by its own reasons, not as missing.
    List<String> missing = CollateralVerifier.missing(evidence.getCollateral());
    TcbEvaluation tcb = null;
    boolean notSupported = false;
    if (pck != null) {
      PckChain chain = pck;
      out.claim("tdx.root", pck.simulated() ? "SIMULATED (" + SimulatedRoots.ORGANIZATION + ")" : "Intel SGX Root CA");
      TdxClaims.pck(pck.extensions(), out);
      run(out, () -> QuoteVerifier.verifyQeReportSignature(quote, chain.leaf(), options));
      if (evidence.hasCollateral()) {
        VerifiedCollateral vc = new CollateralVerifier(options, pck, out).verify(evidence.getCollateral());
        if (vc.tcbInfo() != null) {
          try {
            tcb = TcbEvaluator.evaluate(
                vc.tcbInfo(), vc.qeIdentity(), quote.body(), pck.extensions(),
                quote.signatureData().qeReport());
            TdxClaims.tcb(tcb, vc.tcbInfo().tcbEvaluationDataNumber(), out);
          } catch (AttestationVerificationException e) {
            notSupported = true;
            out.claim("tdx.tcb_status", "NotSupported");
            out.rejectAll(e.reasons());
          }
        }
      }
    }
    if (tcb == null && !notSupported) {
      out.claim("tdx.tcb_status", "NotEvaluated");
    }
    out.claim("tdx.collateral_missing", missing);
    TdxPolicyValidator.Facts facts = new TdxPolicyValidator.Facts(
        quote.body(),
        quote.signatureData().qeReport().isvSvn(),
        pck == null ? null : pck.extensions().pceSvn(),
        quote.trailingBytesNonZero(),
        quote.trailingByteCount(),
        missing,
        tcb,
        options.at());
    out.rejectAll(TdxPolicyValidator.validate(policy, facts, expectedReportData));
  }

  /** Labels evidence whose embedded root is a gpucc-simulated root, whatever else happens. */
  private static void markSimulated(TdxQuote quote, Verdict.Builder out) {
    try {
      List<X509Certificate> certs = CertificateFiles.parse(quote.signatureData().pckChainPem());
      if (SimulatedRoots.isSimulated(certs.get(certs.size() - 1))) {
        out.simulated(true);
      }
    } catch (java.security.cert.CertificateException | RuntimeException e) {
      // Reported by the PCK chain check.
    }
  }

  private interface Check {
    void run() throws AttestationVerificationException;
  }

  private static void run(Verdict.Builder out, Check check) {
    try {
      check.run();
    } catch (AttestationVerificationException e) {
      out.rejectAll(e.reasons());
    }
  }
}
