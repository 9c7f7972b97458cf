package dev.gpucc.attestation;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.security.cert.CertificateException;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.List;

/**
 * Loads the real evidence vectors (resources under testvectors/, copied from shared/testvectors
 * with their README, PROVENANCE.tsv and SHA256SUMS).
 */
public final class TestVectors {
  private TestVectors() {}

  public static byte[] bytes(String path) {
    try (InputStream in = TestVectors.class.getResourceAsStream("/testvectors/" + path)) {
      if (in == null) {
        throw new IllegalArgumentException("no test vector " + path);
      }
      return in.readAllBytes();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  public static List<X509Certificate> certs(String path) {
    try {
      return CertificateFiles.parse(bytes(path));
    } catch (CertificateException e) {
      throw new IllegalArgumentException(path, e);
    }
  }

  public static X509Certificate cert(String path) {
    return certs(path).get(0);
  }

  public static VerifyOptions at(String instant) {
    return VerifyOptions.builder().at(Instant.parse(instant)).build();
  }
}
