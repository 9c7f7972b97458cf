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
import java.util.Map;
import java.util.Optional;

/**
 * The pinned AMD roots (resources under dev/gpucc/attestation/roots/amd, see its README). Each
 * ARK is loaded and then checked against the fingerprint compiled in here, so a swapped resource
 * file cannot introduce a new root.
 */
public final class AmdRoots {
  private static final Map<SnpProductLine, String> ARK_SHA256 = Map.of(
      SnpProductLine.MILAN, "69d063b45344d26a2e94e1f4210de49ef555308287d4c174445c95639a540bcd",
      SnpProductLine.GENOA, "4c6598d19c18719c5dfd4a7d335f674e5bfe1d8f800cea2cf270c10d103db2f1",
      SnpProductLine.TURIN, "1f084161a44bb6d93778a904877d4819cafa5d05ef4193b2ded9dd9c73dd3f6a");
  private static final Map<SnpProductLine, Chain> CHAINS = load();

  /** ARK, ASK and ASVK of one product line. */
  public record Chain(SnpProductLine line, X509Certificate ark, X509Certificate ask, X509Certificate asvk) {}

  private AmdRoots() {}

  public static Chain chain(SnpProductLine line) {
    return CHAINS.get(line);
  }

  /** The product line whose pinned ARK is exactly this certificate, if any. */
  public static Optional<SnpProductLine> pinnedArk(X509Certificate cert) {
    String fp = SimulatedRoots.sha256Hex(cert);
    return ARK_SHA256.entrySet().stream().filter(e -> e.getValue().equals(fp)).map(Map.Entry::getKey).findFirst();
  }

  private static Map<SnpProductLine, Chain> load() {
    Map<SnpProductLine, Chain> m = new EnumMap<>(SnpProductLine.class);
    for (SnpProductLine line : SnpProductLine.values()) {
      String dir = "/dev/gpucc/attestation/roots/amd/" + line.kdsName().toLowerCase(java.util.Locale.ROOT) + "/";
      X509Certificate ark = read(dir + "ark.pem");
      if (!ARK_SHA256.get(line).equals(SimulatedRoots.sha256Hex(ark))) {
        throw new IllegalStateException("pinned ARK resource for " + line + " does not match its fingerprint");
      }
      m.put(line, new Chain(line, ark, read(dir + "ask.pem"), read(dir + "asvk.pem")));
    }
    return m;
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
      throw new IllegalStateException("bad certificate resource " + resource, e);
    }
  }
}
