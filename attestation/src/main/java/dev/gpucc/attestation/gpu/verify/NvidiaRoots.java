package dev.gpucc.attestation.gpu.verify;

import dev.gpucc.attestation.CertificateFiles;
import dev.gpucc.attestation.SimulatedRoots;
import java.io.IOException;
import java.io.InputStream;
import java.security.cert.CertificateException;
import java.security.cert.X509Certificate;

/**
 * The pinned NVIDIA roots, loaded from resources under {@code dev/gpucc/attestation/roots/nvidia/}
 * (README there records the origin) and checked against the SHA-256 fingerprints below, so a
 * swapped resource file fails loudly instead of widening trust.
 */
public final class NvidiaRoots {
  /** SHA-256(DER) of "NVIDIA Device Identity CA" (evidence-formats §4.6). */
  public static final String DEVICE_IDENTITY_CA_SHA256 =
      "102bf659d5419614c9d8e6aecebc80454eb26b1df6a769ac720b9a690b167b48";
  /** SHA-256(DER) of "NVIDIA CoRIM signing Root CA" (evidence-formats §4.8). */
  public static final String CORIM_SIGNING_ROOT_SHA256 =
      "12977b5115acb0381179279fffeb5a8c4d264971ebb32298023a465fa41df5d1";

  private static final X509Certificate DEVICE_ROOT =
      load("device_identity_ca.pem", DEVICE_IDENTITY_CA_SHA256);
  private static final X509Certificate CORIM_ROOT =
      load("corim_signing_root_ca.pem", CORIM_SIGNING_ROOT_SHA256);

  private NvidiaRoots() {}

  public static X509Certificate deviceIdentityCa() {
    return DEVICE_ROOT;
  }

  public static X509Certificate corimSigningRoot() {
    return CORIM_ROOT;
  }

  private static X509Certificate load(String name, String sha256) {
    String path = "/dev/gpucc/attestation/roots/nvidia/" + name;
    try (InputStream in = NvidiaRoots.class.getResourceAsStream(path)) {
      if (in == null) {
        throw new IllegalStateException("pinned NVIDIA root missing from the classpath: " + path);
      }
      X509Certificate cert = CertificateFiles.parseOne(in.readAllBytes());
      String actual = SimulatedRoots.sha256Hex(cert);
      if (!actual.equals(sha256)) {
        throw new IllegalStateException(
            "pinned NVIDIA root " + path + " has sha256 " + actual + ", expected " + sha256);
      }
      return cert;
    } catch (IOException | CertificateException e) {
      throw new IllegalStateException("cannot load pinned NVIDIA root " + path, e);
    }
  }
}
