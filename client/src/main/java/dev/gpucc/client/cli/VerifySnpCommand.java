package dev.gpucc.client.cli;

import dev.gpucc.attestation.CertificateFiles;
import dev.gpucc.attestation.EvidenceFiles;
import dev.gpucc.attestation.EvidenceFormatException;
import dev.gpucc.attestation.Verdict;
import dev.gpucc.attestation.VerifyOptions;
import dev.gpucc.attestation.snp.SnpEvidenceVerifier;
import dev.gpucc.attestation.snp.abi.CertTable;
import dev.gpucc.attestation.snp.abi.SnpReport;
import dev.gpucc.attestation.snp.verify.SnpCertificates;
import dev.gpucc.proto.v1.Policy;
import java.nio.file.Path;
import java.security.cert.CRLException;
import java.security.cert.CertificateException;
import java.security.cert.X509CRL;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code gpucc verify snp}: verifies a raw SEV-SNP report (binary or hex) with its VCEK/VLEK
 * certificate against the pinned AMD roots and a policy (docs/SNP.md). Certificates are DER or PEM,
 * single or bundled. Nothing is fetched from the network. Exit 0 accepted, 1 rejected (including a
 * malformed report), 2 usage error (missing file, bad flag, a certificate file that does not parse).
 */
@Command(
    name = "snp",
    mixinStandardHelpOptions = true,
    description = "Verify a raw AMD SEV-SNP attestation report against the pinned AMD roots and a policy.")
public final class VerifySnpCommand implements Callable<Integer> {
  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Option(names = "--report", required = true, paramLabel = "FILE",
      description = "The 1184-byte report, binary or hex text.")
  Path report;

  @Option(names = "--vcek", paramLabel = "FILE",
      description = "The VCEK (or VLEK) certificate, DER or PEM. Default: the one in --cert-table.")
  Path vcek;

  @Option(names = "--chain", paramLabel = "FILE",
      description = "ASK/ASVK and/or ARK, DER or PEM bundle. Default: the pinned AMD certificates.")
  Path chain;

  @Option(names = "--cert-table", paramLabel = "FILE",
      description = "Extended-report certificate table (SNP_GET_EXT_REPORT / configfs-tsm auxblob).")
  Path certTable;

  @Option(names = "--vcek-cache", paramLabel = "DIR",
      description = "VCEK cache directory (as written by the KDS fetcher); used when no --vcek or table VCEK is given.")
  Path vcekCache;

  @Option(names = "--fetch-vcek-from-amd",
      description = "Allow fetching a missing VCEK from AMD's key server (network; cached in --vcek-cache if given).")
  boolean fetchVcek;

  @Option(names = "--crl", paramLabel = "FILE", description = "AMD KDS CRL (DER or PEM); repeatable.")
  List<Path> crls = new ArrayList<>();

  @Option(names = "--at", paramLabel = "INSTANT",
      description = "Verification time, ISO-8601 (e.g. 2025-06-01T00:00:00Z). Default: the policy's verification_time, else now.")
  String at;

  @Option(names = "--report-data", paramLabel = "HEX", description = "Expected REPORT_DATA (64 bytes, hex).")
  String reportData;

  @Option(names = "--policy", paramLabel = "FILE", description = "Policy JSON (docs/POLICY.md); default: secure defaults.")
  Path policyFile;

  @Option(names = "--json", description = "Print the verdict as JSON.")
  boolean json;

  @Override
  public Integer call() throws Exception {
    byte[] reportBytes = EvidenceFiles.binaryOrHex(CliSupport.readFile(report, "--report"));
    Policy policy = loadPolicy();
    Optional<byte[]> expected = reportData == null ? Optional.empty()
        : Optional.of(CliSupport.parseHex(reportData, 64, "--report-data"));
    VerifyOptions options = CliSupport.verifyOptions(policy, at);
    Verdict.Builder out = Verdict.builder();
    SnpReport parsed;
    try {
      parsed = SnpReport.parse(reportBytes);
    } catch (EvidenceFormatException e) {
      out.reject(e.code(), e.getMessage());
      return print(out.build());
    }
    parsedReport = parsed;
    SnpCertificates certs = certificates(parsed.signerInfo().signingKey(), out);
    if (certs == null) {
      return print(out.build());
    }
    new SnpEvidenceVerifier(options).verify(parsed, certs, readCrls(), expected, policy.getSnp(), out);
    return print(out.build());
  }

  private SnpReport parsedReport;

  private Policy loadPolicy() throws UsageException {
    return TargetOptions.loadPolicy(policyFile);
  }

  /** Null when the certificate table itself is malformed (a rejection, recorded in out). */
  private SnpCertificates certificates(int signingKey, Verdict.Builder out) throws Exception {
    SnpCertificates fromTable = SnpCertificates.none();
    if (certTable != null) {
      byte[] table = CliSupport.readFile(certTable, "--cert-table");
      try {
        fromTable = SnpCertificates.fromCertTable(CertTable.parse(table), signingKey);
      } catch (EvidenceFormatException e) {
        out.reject(e.code(), e.getMessage());
        return null;
      } catch (dev.gpucc.attestation.AttestationVerificationException e) {
        out.rejectAll(e.reasons());
        return null;
      }
    }
    Optional<X509Certificate> vek = vcek != null ? Optional.of(readCerts(vcek, "--vcek").get(0)) : fromTable.vek();
    if (vek.isEmpty() && (vcekCache != null || fetchVcek)) {
      vek = VcekLookup.find(parsedReport, vcekCache, fetchVcek);
    }
    if (vek.isEmpty()) {
      throw new UsageException("no VCEK/VLEK certificate: pass --vcek FILE, --cert-table FILE with a table that"
          + " contains one, --vcek-cache DIR holding it, or --fetch-vcek-from-amd (gpucc never fetches implicitly)");
    }
    List<X509Certificate> chainCerts = new ArrayList<>(fromTable.chain());
    if (chain != null) {
      chainCerts.addAll(0, readCerts(chain, "--chain"));
    }
    return new SnpCertificates(vek, chainCerts);
  }

  private static List<X509Certificate> readCerts(Path file, String flag) throws UsageException {
    try {
      return CertificateFiles.parse(CliSupport.readFile(file, flag));
    } catch (CertificateException | RuntimeException e) {
      throw new UsageException(flag + ": " + file + " is not a DER or PEM certificate: " + e.getMessage());
    }
  }

  private List<X509CRL> readCrls() throws UsageException {
    List<X509CRL> out = new ArrayList<>();
    for (Path p : crls) {
      try {
        out.add(CertificateFiles.parseCrl(CliSupport.readFile(p, "--crl")));
      } catch (CRLException | RuntimeException e) {
        throw new UsageException("--crl: " + p + " is not a DER or PEM CRL: " + e.getMessage());
      }
    }
    if (out.isEmpty() && vcekCache != null && parsedReport != null) {
      out.addAll(VcekLookup.cachedCrls(parsedReport, vcekCache));
    }
    return out;
  }

  private int print(Verdict verdict) {
    return VerdictPrinter.print(verdict, json, spec.commandLine().getOut());
  }
}
