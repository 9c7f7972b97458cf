package dev.gpucc.attestation.tdx.verify;

import dev.gpucc.attestation.CertificateFiles;
import dev.gpucc.attestation.SimulatedRoots;
import java.io.IOException;
import java.io.InputStream;
import java.security.cert.CertificateException;
import java.security.cert.X509Certificate;

/**
 * The pinned Intel SGX Root CA (resource {@code dev/gpucc/attestation/roots/intel/}, origin in
 * its README; evidence-formats §3.5). Loaded once and checked against the fingerprint compiled in
 * here, so a swapped resource cannot change the trust anchor.
 */
public final class IntelRoots {
  /** SHA-256 of the DER of the Intel SGX Root CA. */
  public static final String SGX_ROOT_CA_SHA256 =
      "44a0196b2b99f889b8e149e95b807a350e7424964399e885a7cbb8ccfab674d3";

  private static final String RESOURCE = "/dev/gpucc/attestation/roots/intel/intel_sgx_root_ca.pem";
  private static final X509Certificate ROOT = load();

  private IntelRoots() {}

  public static X509Certificate sgxRootCa() {
    return ROOT;
  }

  /** True if {@code cert} is byte-for-byte the pinned Intel SGX Root CA. */
  public static boolean isIntelRoot(X509Certificate cert) {
    return SimulatedRoots.sha256Hex(cert).equals(SGX_ROOT_CA_SHA256);
  }

  private static X509Certificate load() {
    try (InputStream in = IntelRoots.class.getResourceAsStream(RESOURCE)) {
      if (in == null) {
        throw new IllegalStateException("missing resource " + RESOURCE);
      }
      X509Certificate c = CertificateFiles.parseOne(in.readAllBytes());
      String fp = SimulatedRoots.sha256Hex(c);
      if (!fp.equals(SGX_ROOT_CA_SHA256)) {
        throw new IllegalStateException(
            "pinned Intel SGX Root CA has sha256 " + fp + ", expected " + SGX_ROOT_CA_SHA256);
      }
      return c;
    } catch (IOException | CertificateException e) {
      throw new IllegalStateException("cannot load the pinned Intel SGX Root CA", e);
    }
  }
}
