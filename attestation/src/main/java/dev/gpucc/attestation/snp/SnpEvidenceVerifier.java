package dev.gpucc.attestation.snp;

import dev.gpucc.attestation.CertificateFiles;
import dev.gpucc.attestation.Digests;
import dev.gpucc.attestation.EvidenceFormatException;
import dev.gpucc.attestation.Hex;
import dev.gpucc.attestation.Verdict;
import dev.gpucc.attestation.VerifyOptions;
import dev.gpucc.attestation.snp.abi.CertTable;
import dev.gpucc.attestation.snp.abi.SignerInfo.SigningKey;
import dev.gpucc.attestation.snp.abi.SnpProductLine;
import dev.gpucc.attestation.snp.abi.SnpReport;
import dev.gpucc.attestation.snp.abi.TcbVersion;
import dev.gpucc.attestation.snp.validate.SnpPolicyValidator;
import dev.gpucc.attestation.snp.verify.SnpChain;
import dev.gpucc.attestation.snp.verify.SnpReportVerifier;
import dev.gpucc.proto.v1.SnpEvidence;
import dev.gpucc.proto.v1.SnpPolicy;
import java.security.cert.CertificateException;
import java.security.cert.X509Certificate;
import java.util.Optional;
import java.util.UUID;

/**
 * Verifies SEV-SNP evidence end to end: parse the report and certificate table, verify chain,
 * extensions and signature ({@link SnpReportVerifier}), compare REPORT_DATA with the expected
 * binding, record claims, and apply the policy ({@link SnpPolicyValidator}). Never throws for bad
 * evidence: every problem becomes a rejection reason.
 */
public final class SnpEvidenceVerifier {
  private final VerifyOptions options;

  public SnpEvidenceVerifier(VerifyOptions options) {
    this.options = options;
  }

  public void verify(SnpEvidence evidence, Optional<byte[]> expectedReportData, SnpPolicy policy, Verdict.Builder out) {
    SnpReport report;
    CertTable table;
    try {
      report = SnpReport.parse(evidence.getReport().toByteArray());
      table = CertTable.parse(evidence.getCertTable().toByteArray());
    } catch (EvidenceFormatException e) {
      out.reject(e.code(), e.getMessage());
      return;
    }
    Optional<SnpChain> chain = chainFromTable(report, table, out);
    if (chain.isEmpty()) {
      return;
    }
    verifyReport(report, chain.get(), expectedReportData, policy, out);
  }

  /**
   * Verifies a report with an explicitly supplied chain (raw files from other tools).
   *
   * @param chain the VCEK/VLEK, and optionally its ASK/ASVK and ARK
   */
  public void verifyReport(
      SnpReport report, SnpChain chain, Optional<byte[]> expectedReportData, SnpPolicy policy, Verdict.Builder out) {
    SnpReportVerifier.Result r = new SnpReportVerifier(options).verify(report, chain, out);
    boolean turin = r.line().map(SnpProductLine::turinTcbLayout).orElse(false);
    SnpClaims.add(report, r, turin, out);
    expectedReportData.ifPresent(expected -> {
      if (!Digests.equal(expected, report.reportData())) {
        out.reject("SNP_REPORT_DATA_MISMATCH", "REPORT_DATA is " + Hex.encode(report.reportData())
            + ", expected " + Hex.encode(expected) + " (the report is not bound to this transcript/nonce)");
      }
    });
    SnpPolicyValidator.validate(report, turin, policy, out);
  }

  private static Optional<SnpChain> chainFromTable(SnpReport report, CertTable table, Verdict.Builder out) {
    SigningKey kind = report.signerInfo().signingKey();
    UUID guid = kind == SigningKey.VLEK ? CertTable.VLEK : CertTable.VCEK;
    try {
      Optional<byte[]> vek = table.get(guid);
      if (vek.isEmpty()) {
        out.reject("SNP_CERT_MISSING", "the evidence carries no " + kind + " certificate (certificate table GUID " + guid + ")");
        return Optional.empty();
      }
      return Optional.of(new SnpChain(
          CertificateFiles.parseOne(vek.get()),
          kind,
          parseOptional(table.get(CertTable.ASK)),
          parseOptional(table.get(CertTable.ARK)),
          Optional.empty()));
    } catch (CertificateException e) {
      out.reject("SNP_CERT_MALFORMED", "a certificate in the certificate table does not parse: " + e.getMessage());
      return Optional.empty();
    }
  }

  private static Optional<X509Certificate> parseOptional(Optional<byte[]> der) throws CertificateException {
    return der.isPresent() ? Optional.of(CertificateFiles.parseOne(der.get())) : Optional.empty();
  }

  /** Human-readable TCB for claims. */
  static String tcb(long raw, boolean turin) {
    return TcbVersion.decode(raw, turin).toString();
  }
}
