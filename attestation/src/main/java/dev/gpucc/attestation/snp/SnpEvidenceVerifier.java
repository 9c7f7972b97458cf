package dev.gpucc.attestation.snp;

import dev.gpucc.attestation.AttestationVerificationException;
import dev.gpucc.attestation.CertificateFiles;
import dev.gpucc.attestation.EvidenceFormatException;
import dev.gpucc.attestation.Verdict;
import dev.gpucc.attestation.VerifyOptions;
import dev.gpucc.attestation.snp.abi.CertTable;
import dev.gpucc.attestation.snp.abi.SignerInfo;
import dev.gpucc.attestation.snp.abi.SnpProductLine;
import dev.gpucc.attestation.snp.abi.SnpReport;
import dev.gpucc.attestation.snp.kds.VcekFetcher;
import dev.gpucc.attestation.snp.validate.SnpPolicyValidator;
import dev.gpucc.attestation.snp.verify.ChainResult;
import dev.gpucc.attestation.snp.verify.ReportSignature;
import dev.gpucc.attestation.snp.verify.SnpCertificates;
import dev.gpucc.attestation.snp.verify.SnpChainVerifier;
import dev.gpucc.attestation.snp.verify.SnpChainVerifier.KeyKind;
import dev.gpucc.attestation.snp.verify.VekBinding;
import dev.gpucc.attestation.snp.verify.VekExtensions;
import dev.gpucc.proto.v1.SnpEvidence;
import dev.gpucc.proto.v1.SnpPolicy;
import java.security.cert.CRLException;
import java.security.cert.X509CRL;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Verifies AMD SEV-SNP evidence end to end (evidence-formats §1.12): parse the report, verify the
 * VCEK/VLEK chain to a pinned AMD ARK (or a trusted simulated root), check the certificate's
 * bindings to the report (TCB, hwID, product line), verify the report signature, then validate
 * the policy. It never throws for bad evidence: every failure becomes a rejection {@link
 * dev.gpucc.attestation.Reason} in the verdict builder, and checks keep going so that the verdict
 * lists all of them. Claims ({@code snp.*}) are recorded whatever the outcome.
 *
 * <p>No network access happens here: a VCEK missing from the evidence is an SNP_VEK_MISSING
 * rejection unless the caller supplies the certificate (see {@code snp.kds} for fetching).
 */
public final class SnpEvidenceVerifier {
  private final VerifyOptions options;
  private final SnpChainVerifier chains;
  private final Optional<VcekFetcher> fetcher;

  public SnpEvidenceVerifier(VerifyOptions options) {
    this.options = Objects.requireNonNull(options, "options");
    this.chains = new SnpChainVerifier(options);
    this.fetcher = Optional.empty();
  }

  /**
   * With a fetcher used only for a VCEK that the evidence does not carry (report version 3 or
   * later, unmasked CHIP_ID). What it returns is verified like any supplied certificate.
   */
  public SnpEvidenceVerifier(VerifyOptions options, VcekFetcher fetcher) {
    this.options = Objects.requireNonNull(options, "options");
    this.chains = new SnpChainVerifier(options);
    this.fetcher = Optional.of(fetcher);
  }

  /**
   * Verifies evidence as carried in the protocol: report, certificate table, CRLs.
   *
   * @param expectedReportData the REPORT_DATA the caller requires (e.g. SHA-512 of a transcript)
   */
  public void verify(
      SnpEvidence evidence, Optional<byte[]> expectedReportData, SnpPolicy policy, Verdict.Builder out) {
    if (!evidence.getProvider().isEmpty()) {
      out.claim("snp.provider", evidence.getProvider());
    }
    byte[] reportBytes = evidence.getReport().toByteArray();
    SnpReport report;
    try {
      report = SnpReport.parse(reportBytes);
    } catch (EvidenceFormatException e) {
      out.reject(e.code(), e.getMessage());
      return;
    }
    SnpCertificates certs;
    try {
      CertTable table = CertTable.parse(evidence.getCertTable().toByteArray());
      certs = SnpCertificates.fromCertTable(table, report.signerInfo().signingKey());
    } catch (EvidenceFormatException e) {
      out.reject(e.code(), e.getMessage());
      return;
    } catch (AttestationVerificationException e) {
      out.rejectAll(e.reasons());
      return;
    }
    List<X509CRL> crls = new ArrayList<>();
    for (int i = 0; i < evidence.getCrlsCount(); i++) {
      try {
        crls.add(CertificateFiles.parseCrl(evidence.getCrls(i).toByteArray()));
      } catch (CRLException | RuntimeException e) {
        out.reject("SNP_CRL_INVALID", "evidence CRL #" + i + " does not parse as an X.509 CRL");
        return;
      }
    }
    verify(report, certs, crls, expectedReportData, policy, out);
  }

  /**
   * Verifies a raw report with certificates from files (CLI, test vectors). Certificates that are
   * not supplied are taken from the pinned AMD set; none is fetched.
   */
  public void verify(
      byte[] reportBytes,
      SnpCertificates certs,
      List<X509CRL> crls,
      Optional<byte[]> expectedReportData,
      SnpPolicy policy,
      Verdict.Builder out) {
    SnpReport report;
    try {
      report = SnpReport.parse(reportBytes);
    } catch (EvidenceFormatException e) {
      out.reject(e.code(), e.getMessage());
      return;
    }
    verify(report, certs, crls, expectedReportData, policy, out);
  }

  /** Verifies an already parsed report. */
  public void verify(
      SnpReport report,
      SnpCertificates certs,
      List<X509CRL> crls,
      Optional<byte[]> expectedReportData,
      SnpPolicy policy,
      Verdict.Builder out) {
    for (String field : report.nonZeroReservedFields()) {
      out.warn("SNP_RESERVED_NONZERO", "reserved report field " + field + " is not zero (signed; newer firmware?)");
    }
    Optional<SnpProductLine> cpuidLine = report.productLineFromCpuid();
    Optional<SnpProductLine> line = cpuidLine;
    int signingKey = report.signerInfo().signingKey();
    KeyKind kind = signingKey == SignerInfo.SIGNING_KEY_VCEK ? KeyKind.VCEK
        : signingKey == SignerInfo.SIGNING_KEY_VLEK ? KeyKind.VLEK : null;
    if (kind == null) {
      out.reject("SNP_SIGNING_KEY_UNSUPPORTED", "signer info SIGNING_KEY: expected 0 (VCEK) or 1 (VLEK), got "
          + signingKey + " (" + report.signerInfo().signingKeyName() + ")");
    } else {
      Optional<SnpCertificates> withVek = certs.vek().isPresent() ? Optional.of(certs)
          : fetchVcek(report, kind, cpuidLine, out).map(certs::withVek);
      if (withVek.isPresent()) {
        line = verifyCrypto(report, withVek.get(), crls, kind, cpuidLine, policy, out);
      }
    }
    SnpClaims.add(report, line, out);
    out.rejectAll(SnpPolicyValidator.validate(report, line, policy, expectedReportData));
  }

  private Optional<X509Certificate> fetchVcek(
      SnpReport report, KeyKind kind, Optional<SnpProductLine> line, Verdict.Builder out) {
    String missing = "no " + kind + " certificate: the evidence's certificate table has none and none"
        + " was supplied";
    if (fetcher.isEmpty() || kind != KeyKind.VCEK) {
      out.reject("SNP_VEK_MISSING", missing);
      return Optional.empty();
    }
    if (line.isEmpty() || report.chipIdMasked()) {
      out.reject("SNP_VEK_MISSING", missing + "; a KDS lookup needs the product line (report version"
          + " >= 3) and an unmasked CHIP_ID");
      return Optional.empty();
    }
    try {
      X509Certificate cert = fetcher.get().fetchVcek(line.get(), report.chipId(), report.reportedTcb());
      out.claim("snp.vek_source", "KDS");
      return Optional.of(cert);
    } catch (VcekFetcher.KdsException e) {
      out.reject("SNP_VEK_FETCH_FAILED", "fetching the VCEK from AMD KDS failed: " + e.getMessage());
      return Optional.empty();
    }
  }

  /** Chain, bindings and signature; returns the product line as best established. */
  private Optional<SnpProductLine> verifyCrypto(
      SnpReport report, SnpCertificates certs, List<X509CRL> crls, KeyKind kind,
      Optional<SnpProductLine> cpuidLine, SnpPolicy policy, Verdict.Builder out) {
    var vek = certs.vek().get();
    Optional<SnpProductLine> chainLine = Optional.empty();
    try {
      ChainResult chain = chains.verify(vek, certs.chain(), kind, crls, policy.getRequireCrl());
      out.simulated(chain.simulated());
      out.claim("snp.root", chain.rootLabel());
      out.claim("snp.crl_checked", chain.crlChecked());
      chainLine = chain.productLine();
    } catch (AttestationVerificationException e) {
      out.simulated(certs.chain().stream().anyMatch(dev.gpucc.attestation.SimulatedRoots::isSimulated));
      out.rejectAll(e.reasons());
    }
    final Optional<SnpProductLine> rootLine = chainLine;
    Optional<SnpProductLine> line = cpuidLine;
    try {
      VekExtensions ext = VekExtensions.read(vek);
      Optional<SnpProductLine> certLine = ext.productName().flatMap(SnpProductLine::fromProductName);
      ext.productName().ifPresent(n -> out.claim("snp.vek_product_name", n));
      checkSame(out, "CPUID (report)", cpuidLine, kind + " productName", certLine);
      checkSame(out, "ARK", rootLine, kind + " productName", certLine);
      checkSame(out, "CPUID (report)", cpuidLine, "ARK", rootLine);
      line = cpuidLine.or(() -> certLine).or(() -> rootLine);
      if (line.isEmpty()) {
        out.reject("SNP_PRODUCT_UNKNOWN", "product line: neither the report's CPUID, the " + kind
            + " productName nor the root tells Milan, Genoa or Turin apart");
      } else {
        if (kind == KeyKind.VCEK && report.chipIdMasked()) {
          out.warn("SNP_CHIP_ID_MASKED", "CHIP_ID is all zero (MASK_CHIP_ID): VCEK hwID not compared");
        }
        out.rejectAll(VekBinding.check(report, ext, kind, line.get()));
      }
    } catch (AttestationVerificationException e) {
      out.rejectAll(e.reasons());
    }
    try {
      ReportSignature.verify(report, vek.getPublicKey(), options.provider());
    } catch (AttestationVerificationException e) {
      out.rejectAll(e.reasons());
    }
    return line;
  }

  private static void checkSame(
      Verdict.Builder out, String aName, Optional<SnpProductLine> a, String bName,
      Optional<SnpProductLine> b) {
    if (a.isPresent() && b.isPresent() && a.get() != b.get()) {
      out.reject("SNP_PRODUCT_MISMATCH", "product line: " + aName + " says " + a.get().kdsName()
          + ", " + bName + " says " + b.get().kdsName());
    }
  }
}
