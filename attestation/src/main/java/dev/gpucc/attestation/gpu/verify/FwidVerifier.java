package dev.gpucc.attestation.gpu.verify;

import dev.gpucc.attestation.AttestationVerificationException;
import dev.gpucc.attestation.Digests;
import dev.gpucc.attestation.Hex;
import java.security.cert.X509Certificate;
import java.util.Arrays;
import java.util.Optional;
import org.bouncycastle.asn1.ASN1OctetString;

/**
 * Binds the signing key to the measured firmware: the leaf's TCG DICE TcbInfo extension
 * (OID 2.23.133.5.4.1, or 2.23.133.5.4.1.1 as nvtrust also accepts) carries the FWID; on Hopper
 * it is the last 48 bytes of the extension value and must equal opaque FWID (type 20)
 * (evidence-formats §4.6, verified on the nvtrust sample).
 */
public final class FwidVerifier {
  public static final String TCG_DICE_TCB_INFO = "2.23.133.5.4.1";
  public static final String TCG_DICE_TCB_INFO_ALT = "2.23.133.5.4.1.1";
  public static final int FWID_LENGTH = 48;

  private FwidVerifier() {}

  /** The leaf's FWID (last 48 bytes of the DICE extension value), if the extension is there. */
  public static Optional<byte[]> leafFwid(X509Certificate leaf) {
    byte[] ext = leaf.getExtensionValue(TCG_DICE_TCB_INFO);
    if (ext == null) {
      ext = leaf.getExtensionValue(TCG_DICE_TCB_INFO_ALT);
    }
    if (ext == null) {
      return Optional.empty();
    }
    byte[] value;
    try {
      value = ASN1OctetString.getInstance(ext).getOctets();
    } catch (RuntimeException e) {
      return Optional.empty();
    }
    if (value.length < FWID_LENGTH) {
      return Optional.empty();
    }
    return Optional.of(Arrays.copyOfRange(value, value.length - FWID_LENGTH, value.length));
  }

  /**
   * Checks opaque FWID against the leaf when the evidence carries one (older opaque layouts, e.g.
   * driver 545, have no FWID field; then there is nothing to bind and the caller records so).
   */
  public static void verify(Optional<byte[]> opaqueFwid, X509Certificate leaf)
      throws AttestationVerificationException {
    if (opaqueFwid.isEmpty()) {
      return;
    }
    Optional<byte[]> certFwid = leafFwid(leaf);
    if (certFwid.isEmpty()) {
      throw new AttestationVerificationException(
          GpuCodes.FWID_MISMATCH,
          "opaque FWID " + Hex.encode(opaqueFwid.get())
              + " present but the leaf certificate has no TCG DICE FWID extension (2.23.133.5.4.1)");
    }
    if (!Digests.equal(certFwid.get(), opaqueFwid.get())) {
      throw new AttestationVerificationException(
          GpuCodes.FWID_MISMATCH,
          "FWID: leaf certificate has " + Hex.encode(certFwid.get()) + ", opaque data has "
              + Hex.encode(opaqueFwid.get()));
    }
  }
}
