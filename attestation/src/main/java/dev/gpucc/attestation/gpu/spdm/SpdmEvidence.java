package dev.gpucc.attestation.gpu.spdm;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * Parsed GPU evidence: an SPDM 1.1 GET_MEASUREMENTS request (37 bytes) followed by the
 * MEASUREMENTS response, signature included (evidence-formats §4.2). Immutable; arrays are copied
 * in and out. Built only by {@link SpdmEvidenceParser}, which checks every length field.
 */
public final class SpdmEvidence {
  /** Size of the GET_MEASUREMENTS request with a nonce (DSP0274 1.1). */
  public static final int REQUEST_LENGTH = 37;
  /** ECDSA P-384 signature r||s. */
  public static final int SIGNATURE_LENGTH = 96;
  public static final int NONCE_LENGTH = 32;
  public static final int SPDM_VERSION_1_1 = 0x11;
  public static final int GET_MEASUREMENTS = 0xE0;
  public static final int MEASUREMENTS = 0x60;

  private final byte[] raw;
  private final byte[] requestNonce;
  private final int requestParam1;
  private final int requestParam2;
  private final int slotId;
  private final List<MeasurementBlock> blocks;
  private final byte[] responderNonce;
  private final OpaqueData opaque;

  SpdmEvidence(
      byte[] raw,
      byte[] requestNonce,
      int requestParam1,
      int requestParam2,
      int slotId,
      List<MeasurementBlock> blocks,
      byte[] responderNonce,
      OpaqueData opaque) {
    this.raw = raw.clone();
    this.requestNonce = requestNonce.clone();
    this.requestParam1 = requestParam1;
    this.requestParam2 = requestParam2;
    this.slotId = slotId;
    this.blocks = List.copyOf(blocks);
    this.responderNonce = responderNonce.clone();
    this.opaque = opaque;
  }

  /** The whole evidence as given. */
  public byte[] raw() {
    return raw.clone();
  }

  /**
   * The nonce of the GET_MEASUREMENTS request: the caller's nonce (what the verifier compares).
   * The responder nonce is the GPU's own and proves nothing about freshness.
   */
  public byte[] requestNonce() {
    return requestNonce.clone();
  }

  public int requestParam1() {
    return requestParam1;
  }

  public int requestParam2() {
    return requestParam2;
  }

  public int slotId() {
    return slotId;
  }

  public List<MeasurementBlock> blocks() {
    return blocks;
  }

  public Optional<MeasurementBlock> block(int spdmIndex) {
    return blocks.stream().filter(b -> b.index() == spdmIndex).findFirst();
  }

  public byte[] responderNonce() {
    return responderNonce.clone();
  }

  public OpaqueData opaque() {
    return opaque;
  }

  /** Request || response without the signature: the bytes the signature covers (§4.5). */
  public byte[] signedBytes() {
    return Arrays.copyOf(raw, raw.length - SIGNATURE_LENGTH);
  }

  /** The 96-byte raw r||s signature. */
  public byte[] signature() {
    return Arrays.copyOfRange(raw, raw.length - SIGNATURE_LENGTH, raw.length);
  }
}
