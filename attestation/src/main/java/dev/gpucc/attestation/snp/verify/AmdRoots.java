package dev.gpucc.attestation.snp.verify;

import dev.gpucc.attestation.CertificateFiles;
import dev.gpucc.attestation.SimulatedRoots;
import dev.gpucc.attestation.snp.abi.SnpProductLine;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.security.cert.CertificateException;
import java.security.cert.X509Certificate;
import java.util.EnumMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The pinned AMD certificates (resources {@code dev/gpucc/attestation/roots/amd/}, README there):
 * ARK, ASK and ASVK per product line. Each resource must hash to the fingerprint hard-coded here
 * (evidence-formats §1.8), so editing a resource file cannot widen trust.
 */
public final class AmdRoots {
  /** The role a certificate plays in an AMD chain. */
  public enum Role {
    ARK,
    ASK,
    ASVK
  }

  private static final Map<SnpProductLine, String[]> FINGERPRINTS = new EnumMap<>(SnpProductLine.class);

  static {
    FINGERPRINTS.put(SnpProductLine.MILAN, new String[] {
      "69d063b45344d26a2e94e1f4210de49ef555308287d4c174445c95639a540bcd",
      "67d303bd3905fd38db8b20e0793699870e7fa612eaad5dec358293fd8c0bac1b",
      "c5e081f59b7efab1fe2f8b505e159704e72f29cab7ef7cf628a05a42439082f5"});
    FINGERPRINTS.put(SnpProductLine.GENOA, new String[] {
      "4c6598d19c18719c5dfd4a7d335f674e5bfe1d8f800cea2cf270c10d103db2f1",
      "5464738c1546aed5f2cecf1dc98c5c960a92e8913238a61711bc90ec6e828521",
      "197e610743a917d6b9bb982a5a9226ccc0a15b611be0619e626aca9151457372"});
    FINGERPRINTS.put(SnpProductLine.TURIN, new String[] {
      "1f084161a44bb6d93778a904877d4819cafa5d05ef4193b2ded9dd9c73dd3f6a",
      "5b77ef5fe7a7a004fd9032668fba9d0fda22f88c4442069a479636a6ae3b3185",
      "104e10a8bd060a3c20a434261a57d0588fd65a88915b4f65b08bdecaf8df1a3c"});
  }

  private static final AmdRoots INSTANCE = load();

  private final Map<SnpProductLine, X509Certificate[]> certs;

  private AmdRoots(Map<SnpProductLine, X509Certificate[]> certs) {
    this.certs = certs;
  }

  /** The pinned set, loaded and fingerprint-checked once. */
  public static AmdRoots pinned() {
    return INSTANCE;
  }

  public X509Certificate get(SnpProductLine line, Role role) {
    return certs.get(line)[role.ordinal()];
  }

  public X509Certificate ark(SnpProductLine line) {
    return get(line, Role.ARK);
  }

  /** The pinned certificate with this SHA-256 (lower-case hex), if any. */
  public Optional<Pinned> byFingerprint(String sha256) {
    String fp = sha256.toLowerCase(Locale.ROOT);
    for (Map.Entry<SnpProductLine, String[]> e : FINGERPRINTS.entrySet()) {
      for (Role r : Role.values()) {
        if (e.getValue()[r.ordinal()].equals(fp)) {
          return Optional.of(new Pinned(e.getKey(), r, certs.get(e.getKey())[r.ordinal()]));
        }
      }
    }
    return Optional.empty();
  }

  public Optional<Pinned> identify(X509Certificate cert) {
    return byFingerprint(SimulatedRoots.sha256Hex(cert));
  }

  /** A pinned certificate and what it is. */
  public record Pinned(SnpProductLine productLine, Role role, X509Certificate certificate) {
    /** e.g. "ARK-Milan (AMD)". */
    public String label() {
      String cn = (role == Role.ARK ? "ARK-" : role == Role.ASK ? "SEV-" : "SEV-VLEK-")
          + productLine.kdsName();
      return cn + " (AMD)";
    }
  }

  private static AmdRoots load() {
    Map<SnpProductLine, X509Certificate[]> m = new EnumMap<>(SnpProductLine.class);
    for (SnpProductLine line : SnpProductLine.values()) {
      X509Certificate[] arr = new X509Certificate[Role.values().length];
      for (Role r : Role.values()) {
        String name = "/dev/gpucc/attestation/roots/amd/" + line.kdsName().toLowerCase(Locale.ROOT)
            + "/" + r.name().toLowerCase(Locale.ROOT) + ".pem";
        X509Certificate c = read(name);
        String fp = SimulatedRoots.sha256Hex(c);
        String want = FINGERPRINTS.get(line)[r.ordinal()];
        if (!fp.equals(want)) {
          throw new IllegalStateException(
              "pinned AMD certificate " + name + " has SHA-256 " + fp + ", expected " + want);
        }
        arr[r.ordinal()] = c;
      }
      m.put(line, arr);
    }
    return new AmdRoots(m);
  }

  private static X509Certificate read(String resource) {
    try (InputStream in = AmdRoots.class.getResourceAsStream(resource)) {
      if (in == null) {
        throw new IllegalStateException("missing resource " + resource);
      }
      return CertificateFiles.parseOne(in.readAllBytes());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (CertificateException e) {
      throw new IllegalStateException("cannot parse " + resource, e);
    }
  }
}
