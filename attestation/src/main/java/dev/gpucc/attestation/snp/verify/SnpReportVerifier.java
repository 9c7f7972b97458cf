package dev.gpucc.attestation.snp.verify;

import dev.gpucc.attestation.AttestationVerificationException;
import dev.gpucc.attestation.ChainVerifier;
import dev.gpucc.attestation.Hex;
import dev.gpucc.attestation.SimulatedRoots;
import dev.gpucc.attestation.Verdict;
import dev.gpucc.attestation.VerifyOptions;
import dev.gpucc.attestation.snp.abi.SignerInfo.SigningKey;
import dev.gpucc.attestation.snp.abi.SnpProductLine;
import dev.gpucc.attestation.snp.abi.SnpReport;
import dev.gpucc.attestation.snp.abi.TcbVersion;
import java.math.BigInteger;
import java.security.GeneralSecurityException;
import java.security.Signature;
import java.security.cert.X509Certificate;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.bouncycastle.asn1.ASN1EncodableVector;
import org.bouncycastle.asn1.ASN1Integer;
import org.bouncycastle.asn1.DERSequence;

/**
 * Cryptographic verification of an SEV-SNP report (evidence-formats §1.12 steps 2-6): the
 * endorsement key's chain to a pinned AMD ARK (or a trusted simulated root), the VCEK/VLEK
 * extensions against the report, and the report's ECDSA P-384 signature. Every failure is
 * recorded; checks continue after one fails so the verdict lists all of them.
 */
public final class SnpReportVerifier {
  private final VerifyOptions options;

  public SnpReportVerifier(VerifyOptions options) {
    this.options = options;
  }

  /** What the chain showed: the product line and whether the root is a simulated one. */
  public record Result(Optional<SnpProductLine> line, boolean simulated, String rootLabel) {}

  public Result verify(SnpReport report, SnpChain chain, Verdict.Builder out) {
    SigningKey signer = report.signerInfo().signingKey();
    if (signer == SigningKey.NONE || signer == SigningKey.RESERVED) {
      out.reject("SNP_UNSIGNED", "report SIGNING_KEY is " + signer + ": the report is not verifiable");
      return new Result(Optional.empty(), false, "none");
    }
    if (signer != chain.kind()) {
      out.reject("SNP_SIGNER_MISMATCH", "report says it is signed by the " + signer + ", but the certificate supplied is a " + chain.kind());
    }
    VekExtensions ext = VekExtensions.of(chain.endorsementKey());
    Optional<SnpProductLine> line = productLine(report, ext, out);
    Result result = verifyChain(chain, line, out);
    line = result.line();
    checkExtensions(report, ext, line, chain.kind(), out);
    checkSignature(report, chain.endorsementKey(), out);
    return result;
  }

  private Optional<SnpProductLine> productLine(SnpReport report, VekExtensions ext, Verdict.Builder out) {
    Optional<SnpProductLine> fromReport = report.productLineFromReport();
    Optional<SnpProductLine> fromCert = ext.productName().flatMap(SnpProductLine::fromProductName);
    if (fromReport.isPresent() && fromCert.isPresent() && fromReport.get() != fromCert.get()) {
      out.reject("SNP_PRODUCT_MISMATCH", "report is from a " + fromReport.get().kdsName() + " CPU, but the "
          + "endorsement key certificate is for " + ext.productName().orElse("?"));
    }
    return fromReport.isPresent() ? fromReport : fromCert;
  }

  private Result verifyChain(SnpChain chain, Optional<SnpProductLine> line, Verdict.Builder out) {
    X509Certificate root;
    X509Certificate intermediate;
    boolean simulated = false;
    String label;
    if (chain.root().isPresent()) {
      root = chain.root().get();
      Optional<SnpProductLine> pinned = AmdRoots.pinnedArk(root);
      if (pinned.isPresent()) {
        if (line.isPresent() && line.get() != pinned.get()) {
          out.reject("SNP_PRODUCT_MISMATCH", "chain ends at ARK-" + pinned.get().kdsName() + " but the report is from "
              + line.get().kdsName());
        }
        line = pinned;
        label = "ARK-" + pinned.get().kdsName() + " (AMD, pinned)";
      } else if (SimulatedRoots.isSimulated(root)) {
        simulated = true;
        label = "SIMULATED (" + SimulatedRoots.sha256Hex(root) + ")";
        try {
          SimulatedRoots.checkTrusted(root, options);
        } catch (AttestationVerificationException e) {
          out.rejectAll(e.reasons());
        }
      } else {
        out.reject("SNP_UNKNOWN_ROOT", "certificate chain ends at '" + ChainVerifier.subject(root)
            + "' (sha256 " + SimulatedRoots.sha256Hex(root) + "), which is not a pinned AMD ARK");
        return new Result(line, false, "unknown");
      }
      intermediate = chain.intermediate().orElseGet(() -> pinnedIntermediate(chain, AmdRoots.pinnedArk(root)));
    } else if (line.isPresent()) {
      AmdRoots.Chain pinned = AmdRoots.chain(line.get());
      root = pinned.ark();
      intermediate = chain.intermediate().orElse(chain.kind() == SigningKey.VLEK ? pinned.asvk() : pinned.ask());
      label = "ARK-" + line.get().kdsName() + " (AMD, pinned)";
    } else {
      out.reject("SNP_PRODUCT_UNKNOWN", "cannot tell the product line (v2 report without CPUID and no productName in the"
          + " certificate): supply the ASK/ARK chain");
      return new Result(line, false, "unknown");
    }
    if (intermediate == null) {
      out.reject("SNP_CHAIN_INCOMPLETE", "no ASK/ASVK certificate for the simulated root was supplied");
      return new Result(line, simulated, label);
    }
    try {
      ChainVerifier.verify(List.of(chain.endorsementKey(), intermediate, root), options.at(), options, "SNP");
    } catch (AttestationVerificationException e) {
      out.rejectAll(e.reasons());
    }
    out.simulated(simulated);
    return new Result(line, simulated, label);
  }

  private static X509Certificate pinnedIntermediate(SnpChain chain, Optional<SnpProductLine> line) {
    if (line.isEmpty()) {
      return null;
    }
    AmdRoots.Chain pinned = AmdRoots.chain(line.get());
    return chain.kind() == SigningKey.VLEK ? pinned.asvk() : pinned.ask();
  }

  private static void checkExtensions(
      SnpReport report, VekExtensions ext, Optional<SnpProductLine> line, SigningKey kind, Verdict.Builder out) {
    boolean turin = line.map(SnpProductLine::turinTcbLayout).orElse(false);
    TcbVersion reported = TcbVersion.decode(report.reportedTcbRaw(), turin);
    compare(out, "blSPL", ext.blSpl(), reported.bootloader());
    compare(out, "teeSPL", ext.teeSpl(), reported.tee());
    compare(out, "snpSPL", ext.snpSpl(), reported.snp());
    compare(out, "ucodeSPL", ext.ucodeSpl(), reported.microcode());
    if (turin) {
      compare(out, "fmcSPL", ext.fmcSpl(), reported.fmc());
    }
    if (kind == SigningKey.VCEK) {
      if (ext.cspId().isPresent()) {
        out.reject("SNP_CERT_KIND", "a VCEK must not carry a csp_id extension");
      }
      checkHwId(report, ext, out);
    } else if (ext.hwId().isPresent()) {
      out.reject("SNP_CERT_KIND", "a VLEK must not carry a hwID extension");
    }
  }

  private static void compare(Verdict.Builder out, String name, Optional<Integer> certValue, int reportValue) {
    if (certValue.isEmpty()) {
      out.reject("SNP_TCB_MISMATCH", "endorsement key certificate lacks the " + name + " extension");
    } else if (certValue.get() != reportValue) {
      out.reject("SNP_TCB_MISMATCH", name + ": certificate has " + certValue.get() + ", REPORTED_TCB has " + reportValue);
    }
  }

  private static void checkHwId(SnpReport report, VekExtensions ext, Verdict.Builder out) {
    byte[] chip = report.chipId();
    if (ext.hwId().isEmpty()) {
      out.reject("SNP_HWID_MISMATCH", "VCEK certificate lacks the hwID extension");
      return;
    }
    byte[] hw = ext.hwId().get();
    byte[] expected = hw.length == 8 ? Arrays.copyOf(chip, 8) : chip;
    boolean restZero = hw.length != 8 || Arrays.equals(Arrays.copyOfRange(chip, 8, 64), new byte[56]);
    if (!Arrays.equals(hw, expected) || !restZero) {
      out.reject("SNP_HWID_MISMATCH", "VCEK hwID " + Hex.encode(hw) + " does not match CHIP_ID " + Hex.encode(chip));
    }
  }

  private void checkSignature(SnpReport report, X509Certificate vek, Verdict.Builder out) {
    try {
      ASN1EncodableVector v = new ASN1EncodableVector();
      v.add(new ASN1Integer(new BigInteger(1, report.signatureR())));
      v.add(new ASN1Integer(new BigInteger(1, report.signatureS())));
      Signature sig = Signature.getInstance("SHA384withECDSA", options.provider());
      sig.initVerify(vek.getPublicKey());
      sig.update(report.signedBytes());
      if (!sig.verify(new DERSequence(v).getEncoded())) {
        out.reject("SNP_SIGNATURE_INVALID", "report signature does not verify with the " + report.signerInfo().signingKey()
            + " public key");
      }
    } catch (GeneralSecurityException | java.io.IOException | RuntimeException e) {
      out.reject("SNP_SIGNATURE_INVALID", "report signature cannot be verified: " + e.getClass().getSimpleName());
    }
  }
}
