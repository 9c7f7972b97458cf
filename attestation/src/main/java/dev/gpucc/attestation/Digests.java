package dev.gpucc.attestation;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;

/** SHA-2 digests (JDK implementations; these are not provider-sensitive). */
public final class Digests {
  private Digests() {}

  public static byte[] sha256(byte[]... parts) {
    return digest("SHA-256", parts);
  }

  public static byte[] sha384(byte[]... parts) {
    return digest("SHA-384", parts);
  }

  public static byte[] sha512(byte[]... parts) {
    return digest("SHA-512", parts);
  }

  private static byte[] digest(String alg, byte[]... parts) {
    try {
      MessageDigest md = MessageDigest.getInstance(alg);
      for (byte[] p : parts) {
        md.update(p);
      }
      return md.digest();
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(alg + " is required by the Java platform", e);
    }
  }

  /** Constant-time equality for digests and nonces. */
  public static boolean equal(byte[] a, byte[] b) {
    return MessageDigest.isEqual(a, b);
  }
}
