package dev.gpucc.attestation.snp.verify;

import dev.gpucc.attestation.AttestationVerificationException;
import dev.gpucc.attestation.ChainVerifier;
import dev.gpucc.attestation.SimulatedRoots;
import dev.gpucc.attestation.VerifyOptions;
import dev.gpucc.attestation.snp.abi.SnpProductLine;
import java.security.cert.X509CRL;
import java.security.cert.X509Certificate;
import java.util.List;
import java.util.Optional;
import javax.naming.InvalidNameException;
import javax.naming.ldap.LdapName;
import javax.naming.ldap.Rdn;
import javax.security.auth.x500.X500Principal;

/**
 * Verifies VCEK ← ASK ← ARK (or VLEK ← ASVK ← ARK), evidence-formats §1.8 and §1.12 step 4.
 *
 * <p>Trust comes only from the root: a supplied ARK must be byte-identical (SHA-256) to a pinned AMD
 * ARK, or be a gpucc-simulated root that {@link SimulatedRoots#checkTrusted} accepts under the
 * options; anything else is SNP_UNKNOWN_ROOT. Missing intermediates/roots are filled in from the
 * pinned set by issuer name. Every signature (RSASSA-PSS SHA-384) is checked with the explicit
 * provider by {@link ChainVerifier}, as is every validity window at the options' instant.
 */
public final class SnpChainVerifier {
  /** Which endorsement key signs the report. */
  public enum KeyKind {
    VCEK,
    VLEK
  }

  private final VerifyOptions options;
  private final AmdRoots pinned;

  public SnpChainVerifier(VerifyOptions options) {
    this(options, AmdRoots.pinned());
  }

  SnpChainVerifier(VerifyOptions options, AmdRoots pinned) {
    this.options = options;
    this.pinned = pinned;
  }

  /**
   * @param vek the VCEK or VLEK certificate
   * @param supplied intermediate and/or root that came with the evidence, any order
   * @param crls CRLs to apply (those not signed by the chain's root are ignored)
   * @param requireCrl fail when no CRL signed by the root is available
   * @throws AttestationVerificationException SNP_UNKNOWN_ROOT, SIMULATED_NOT_ALLOWED,
   *     SIMULATED_ROOT_NOT_PINNED, SNP_CHAIN_WRONG_INTERMEDIATE, SNP_CHAIN_BROKEN,
   *     SNP_CHAIN_SIGNATURE, SNP_CHAIN_NOT_CA, SNP_CERT_EXPIRED, SNP_CERT_NOT_YET_VALID,
   *     SNP_CERT_REVOKED, SNP_CRL_MISSING, SNP_CRL_INVALID
   */
  public ChainResult verify(
      X509Certificate vek, List<X509Certificate> supplied, KeyKind kind, List<X509CRL> crls,
      boolean requireCrl)
      throws AttestationVerificationException {
    // Prefer the supplied certificates whose subjects link up; fall back to the first candidate
    // so that a wrong one still produces a precise chain error rather than a silent substitution.
    X509Certificate inter = pick(supplied, c -> !selfIssued(c) && !c.equals(vek), vek.getIssuerX500Principal());
    X509Certificate root = pick(supplied, SnpChainVerifier::selfIssued,
        inter != null ? inter.getIssuerX500Principal() : null);
    if (selfIssued(vek)) {
      throw unknownRoot("the " + kind + " certificate '" + ChainVerifier.subject(vek) + "' is self-signed");
    }
    if (inter == null) {
      inter = pinnedBySubject(vek.getIssuerX500Principal(), kind == KeyKind.VCEK ? AmdRoots.Role.ASK : AmdRoots.Role.ASVK)
          .orElseThrow(() -> unknownRoot("no " + intermediateName(kind) + " was supplied and '"
              + vek.getIssuerX500Principal().getName() + "' is not a pinned AMD " + intermediateName(kind)));
    }
    if (root == null) {
      final X509Certificate issuerOfRoot = inter;
      root = pinnedBySubject(inter.getIssuerX500Principal(), AmdRoots.Role.ARK)
          .orElseThrow(() -> unknownRoot("no ARK was supplied and '"
              + issuerOfRoot.getIssuerX500Principal().getName() + "' is not a pinned AMD ARK"));
    }
    Optional<AmdRoots.Pinned> pinnedRoot = pinned.identify(root).filter(p -> p.role() == AmdRoots.Role.ARK);
    boolean simulated = false;
    String label;
    if (pinnedRoot.isPresent()) {
      label = pinnedRoot.get().label();
    } else if (SimulatedRoots.isSimulated(root)) {
      SimulatedRoots.checkTrusted(root, options);
      simulated = true;
      label = "SIMULATED";
    } else {
      throw unknownRoot("the chain ends at '" + ChainVerifier.subject(root)
          + "' (sha256 " + SimulatedRoots.sha256Hex(root) + "), which is neither a pinned AMD ARK"
          + " nor a gpucc-simulated root");
    }
    checkIntermediateRole(inter, kind);
    List<X509Certificate> chain = List.of(vek, inter, root);
    ChainVerifier.verify(chain, options.at(), options, "SNP");
    boolean crlChecked = SnpCrlChecker.check(inter, root, crls, options, requireCrl);
    return new ChainResult(
        chain, label, simulated, pinnedRoot.map(AmdRoots.Pinned::productLine), crlChecked);
  }

  private static X509Certificate pick(
      List<X509Certificate> certs, java.util.function.Predicate<X509Certificate> role, X500Principal subject) {
    X509Certificate first = null;
    for (X509Certificate c : certs) {
      if (!role.test(c)) {
        continue;
      }
      if (subject != null && c.getSubjectX500Principal().equals(subject)) {
        return c;
      }
      if (first == null) {
        first = c;
      }
    }
    return first;
  }

  private Optional<X509Certificate> pinnedBySubject(X500Principal subject, AmdRoots.Role role) {
    for (SnpProductLine line : SnpProductLine.values()) {
      X509Certificate c = pinned.get(line, role);
      if (c.getSubjectX500Principal().equals(subject)) {
        return Optional.of(c);
      }
    }
    return Optional.empty();
  }

  /** A VCEK must hang off an ASK ("SEV-<line>"), a VLEK off an ASVK ("SEV-VLEK-<line>"). */
  private static void checkIntermediateRole(X509Certificate inter, KeyKind kind)
      throws AttestationVerificationException {
    String cn = commonName(inter);
    boolean isAsvk = cn.startsWith("SEV-VLEK-");
    boolean ok = kind == KeyKind.VLEK ? isAsvk : cn.startsWith("SEV-") && !isAsvk;
    if (!ok) {
      throw new AttestationVerificationException(
          "SNP_CHAIN_WRONG_INTERMEDIATE",
          "intermediate certificate: expected an " + intermediateName(kind) + " (CN "
              + (kind == KeyKind.VLEK ? "SEV-VLEK-<product>" : "SEV-<product>") + ") for a " + kind
              + "-signed report, got CN '" + cn + "'");
    }
  }

  private static String intermediateName(KeyKind kind) {
    return kind == KeyKind.VLEK ? "ASVK" : "ASK";
  }

  /** The subject CN ("" when absent). */
  static String commonName(X509Certificate cert) {
    try {
      LdapName dn = new LdapName(cert.getSubjectX500Principal().getName(X500Principal.RFC2253));
      for (Rdn rdn : dn.getRdns()) {
        if ("CN".equalsIgnoreCase(rdn.getType())) {
          return String.valueOf(rdn.getValue());
        }
      }
    } catch (InvalidNameException e) {
      return "";
    }
    return "";
  }

  private static boolean selfIssued(X509Certificate c) {
    return c.getSubjectX500Principal().equals(c.getIssuerX500Principal());
  }

  private static AttestationVerificationException unknownRoot(String msg) {
    return new AttestationVerificationException("SNP_UNKNOWN_ROOT", msg);
  }
}
