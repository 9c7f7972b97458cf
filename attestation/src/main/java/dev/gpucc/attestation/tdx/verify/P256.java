package dev.gpucc.attestation.tdx.verify;

import java.math.BigInteger;
import java.security.AlgorithmParameters;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.NoSuchAlgorithmException;
import java.security.PublicKey;
import java.security.Signature;
import java.security.spec.ECGenParameterSpec;
import java.security.spec.ECParameterSpec;
import java.security.spec.ECPoint;
import java.security.spec.ECPublicKeySpec;
import java.util.Arrays;

/**
 * ECDSA P-256 / SHA-256 with raw r||s signatures and raw x||y keys, as Intel uses them in quotes
 * and collateral (evidence-formats §5A). The JCE provider is always passed in explicitly.
 */
public final class P256 {
  private P256() {}

  /** Builds a public key from 64 bytes x||y (big-endian, no 0x04 prefix). */
  public static PublicKey publicKey(byte[] xy, java.security.Provider provider)
      throws GeneralSecurityException {
    if (xy.length != 64) {
      throw new GeneralSecurityException("P-256 raw key must be 64 bytes, got " + xy.length);
    }
    AlgorithmParameters params = AlgorithmParameters.getInstance("EC", provider);
    params.init(new ECGenParameterSpec("secp256r1"));
    ECParameterSpec spec = params.getParameterSpec(ECParameterSpec.class);
    ECPoint w =
        new ECPoint(
            new BigInteger(1, Arrays.copyOfRange(xy, 0, 32)),
            new BigInteger(1, Arrays.copyOfRange(xy, 32, 64)));
    return KeyFactory.getInstance("EC", provider).generatePublic(new ECPublicKeySpec(w, spec));
  }

  /**
   * Returns true iff {@code rs} (64 bytes r||s) is a valid signature of {@code message}. Provider
   * exceptions (bad point, malformed input) count as invalid.
   */
  public static boolean verify(
      PublicKey key, byte[] message, byte[] rs, java.security.Provider provider) {
    if (rs.length != 64) {
      return false;
    }
    try {
      Signature s = plain(provider);
      s.initVerify(key);
      s.update(message);
      return s.verify(rs);
    } catch (GeneralSecurityException | RuntimeException e) {
      return false;
    }
  }

  /** Raw r||s signing (simulator only). */
  public static byte[] sign(java.security.PrivateKey key, byte[] message, java.security.Provider provider)
      throws GeneralSecurityException {
    Signature s = plain(provider);
    s.initSign(key);
    s.update(message);
    return s.sign();
  }

  private static Signature plain(java.security.Provider provider) throws NoSuchAlgorithmException {
    try {
      return Signature.getInstance("SHA256withPLAIN-ECDSA", provider);
    } catch (NoSuchAlgorithmException e) {
      // The JDK provider's name for the same IEEE P1363 (r||s) encoding.
      return Signature.getInstance("SHA256withECDSAinP1363Format", provider);
    }
  }

  /** The 64-byte x||y encoding of an EC P-256 public key (simulator). */
  public static byte[] rawKey(java.security.interfaces.ECPublicKey key) {
    byte[] out = new byte[64];
    copy(key.getW().getAffineX(), out, 0);
    copy(key.getW().getAffineY(), out, 32);
    return out;
  }

  private static void copy(BigInteger v, byte[] out, int off) {
    byte[] b = v.toByteArray();
    int n = Math.min(b.length, 32);
    System.arraycopy(b, b.length - n, out, off + 32 - n, n);
  }
}
