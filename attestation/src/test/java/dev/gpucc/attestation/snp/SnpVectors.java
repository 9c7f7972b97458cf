package dev.gpucc.attestation.snp;

import dev.gpucc.attestation.CertificateFiles;
import dev.gpucc.attestation.EvidenceFiles;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.security.cert.CertificateException;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.List;

/** Loads the SNP test vectors (testvectors/README.md) from the test classpath. */
public final class SnpVectors {
  /** One instant inside every SNP validity window of the vectors (README "snp/"). */
  public static final Instant AT = Instant.parse("2025-06-01T00:00:00Z");

  private SnpVectors() {}

  public static byte[] bytes(String path) {
    try (InputStream in = SnpVectors.class.getResourceAsStream("/testvectors/" + path)) {
      if (in == null) {
        throw new IllegalStateException("missing test vector " + path);
      }
      return EvidenceFiles.binaryOrHex(in.readAllBytes());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  public static List<X509Certificate> certs(String path) {
    try {
      return CertificateFiles.parse(bytes(path));
    } catch (CertificateException e) {
      throw new IllegalStateException(e);
    }
  }

  public static X509Certificate cert(String path) {
    return certs(path).get(0);
  }
}
