package dev.gpucc.attestation.snp.verify;

import dev.gpucc.attestation.AttestationVerificationException;
import dev.gpucc.attestation.CertificateFiles;
import dev.gpucc.attestation.snp.abi.CertTable;
import dev.gpucc.attestation.snp.abi.SignerInfo;
import java.security.cert.CertificateException;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * The certificates offered with a report: the signing key's certificate (VCEK or VLEK) and any
 * intermediates/root that came with it (ASK or ASVK, ARK), in any order. What is missing is taken
 * from the pinned AMD set; what is supplied is verified, never trusted as is.
 */
public record SnpCertificates(Optional<X509Certificate> vek, List<X509Certificate> chain) {
  public SnpCertificates {
    chain = List.copyOf(chain);
  }

  public static SnpCertificates of(X509Certificate vek, List<X509Certificate> chain) {
    return new SnpCertificates(Optional.of(vek), chain);
  }

  public static SnpCertificates none() {
    return new SnpCertificates(Optional.empty(), List.of());
  }

  /** With another signing-key certificate (e.g. one fetched from KDS). */
  public SnpCertificates withVek(X509Certificate cert) {
    return new SnpCertificates(Optional.of(cert), chain);
  }

  /**
   * Picks the certificates from an extended-report table: VCEK or VLEK per the report's
   * SIGNING_KEY, plus ASK (or ASVK) and ARK.
   *
   * @throws AttestationVerificationException SNP_CERT_PARSE when an entry is not a certificate
   */
  public static SnpCertificates fromCertTable(CertTable table, int signingKey)
      throws AttestationVerificationException {
    UUID vekGuid = signingKey == SignerInfo.SIGNING_KEY_VLEK ? CertTable.VLEK : CertTable.VCEK;
    Optional<X509Certificate> vek = cert(table, vekGuid, name(vekGuid));
    List<X509Certificate> chain = new ArrayList<>();
    Optional<X509Certificate> ask = cert(table, CertTable.ASK, "ASK");
    ask.ifPresent(chain::add);
    cert(table, CertTable.ARK, "ARK").ifPresent(chain::add);
    return new SnpCertificates(vek, chain);
  }

  private static String name(UUID guid) {
    return guid.equals(CertTable.VLEK) ? "VLEK" : "VCEK";
  }

  private static Optional<X509Certificate> cert(CertTable table, UUID guid, String what)
      throws AttestationVerificationException {
    Optional<byte[]> bytes = table.get(guid);
    if (bytes.isEmpty()) {
      return Optional.empty();
    }
    try {
      return Optional.of(CertificateFiles.parseOne(bytes.get()));
    } catch (CertificateException | RuntimeException e) {
      throw new AttestationVerificationException(
          "SNP_CERT_PARSE", "certificate table entry " + what + " (" + guid + ") is not an X.509 certificate");
    }
  }
}
