package dev.gpucc.attestation.transcript;

import dev.gpucc.attestation.Digests;
import dev.gpucc.proto.v1.GpuEvidence;
import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.List;

/**
 * The digests and derived values of docs/PROTOCOL.md, computed identically by server and client.
 * Every hash input starts with a domain label and a zero byte, and every variable-length field is
 * length-prefixed (big-endian), so no value of one kind can stand in for another.
 */
public final class TranscriptDigests {
  public static final String JOB_TRANSCRIPT_DOMAIN = "gpucc.v1.job-transcript";
  public static final String SESSION_TRANSCRIPT_DOMAIN = "gpucc.v1.session-transcript";
  static final String INPUTS = "gpucc.v1.inputs";
  static final String OUTPUTS = "gpucc.v1.outputs";
  static final String JOB_SPEC = "gpucc.v1.job-spec";
  static final String GPU_JOB_NONCE = "gpucc.v1.gpu-job-nonce";
  static final String GPU_SESSION_NONCE = "gpucc.v1.gpu-session-nonce";
  static final String GPU_EVIDENCE = "gpucc.v1.gpu-evidence";
  static final String TLS_KEY = "gpucc.v1.tls-key";
  public static final String RECEIPT_SIGNATURE_DOMAIN = "gpucc.v1.receipt-signature";

  /** Client nonces are exactly this long. */
  public static final int NONCE_BYTES = 32;

  private TranscriptDigests() {}

  /** SHA-256(label || 0x00 || u32 count || for each buffer: u64 length || bytes). */
  public static byte[] inputDigest(List<byte[]> inputs) {
    return buffersDigest(INPUTS, inputs);
  }

  public static byte[] outputDigest(List<byte[]> outputs) {
    return buffersDigest(OUTPUTS, outputs);
  }

  /** SHA-256(label || 0x00 || job_spec bytes as sent). */
  public static byte[] jobSpecDigest(byte[] jobSpecBytes) {
    return Digests.sha256(label(JOB_SPEC), jobSpecBytes);
  }

  /**
   * SHA-256(label || 0x00 || DER SubjectPublicKeyInfo) of the server's TLS key. The label keeps
   * this hash distinct from any other SHA-256 of the same key.
   */
  public static byte[] tlsKeyDigest(byte[] subjectPublicKeyInfoDer) {
    return Digests.sha256(label(TLS_KEY), subjectPublicKeyInfoDer);
  }

  /**
   * The 32-byte nonce given to GPU {@code gpuIndex} for a PER_JOB job: SHA-256(label || 0x00 ||
   * client_nonce(32) || u32 len(job_id) || job_id || kernel_digest(32) || job_spec_digest(32) ||
   * input_digest(32) || output_digest(32) || u32 gpu_index).
   */
  public static byte[] gpuJobNonce(
      byte[] clientNonce,
      String jobId,
      byte[] kernelDigest,
      byte[] jobSpecDigest,
      byte[] inputDigest,
      byte[] outputDigest,
      int gpuIndex) {
    ByteArrayOutputStream b = new ByteArrayOutputStream();
    b.writeBytes(label(GPU_JOB_NONCE));
    b.writeBytes(fixed(clientNonce, NONCE_BYTES, "client nonce"));
    writeString(b, jobId);
    b.writeBytes(fixed(kernelDigest, 32, "kernel digest"));
    b.writeBytes(fixed(jobSpecDigest, 32, "job spec digest"));
    b.writeBytes(fixed(inputDigest, 32, "input digest"));
    b.writeBytes(fixed(outputDigest, 32, "output digest"));
    b.writeBytes(u32(gpuIndex));
    return Digests.sha256(b.toByteArray());
  }

  /**
   * The 32-byte nonce given to GPU {@code gpuIndex} for session evidence: SHA-256(label || 0x00 ||
   * client_nonce(32) || tls_key_digest(32) || u32 len(session_public_key) || session_public_key ||
   * u32 gpu_index).
   */
  public static byte[] gpuSessionNonce(
      byte[] clientNonce, byte[] tlsKeyDigest, byte[] sessionPublicKey, int gpuIndex) {
    ByteArrayOutputStream b = new ByteArrayOutputStream();
    b.writeBytes(label(GPU_SESSION_NONCE));
    b.writeBytes(fixed(clientNonce, NONCE_BYTES, "client nonce"));
    b.writeBytes(fixed(tlsKeyDigest, 32, "TLS key digest"));
    b.writeBytes(u32(sessionPublicKey.length));
    b.writeBytes(sessionPublicKey);
    b.writeBytes(u32(gpuIndex));
    return Digests.sha256(b.toByteArray());
  }

  /**
   * SHA-256(label || 0x00 || u32 index || u32 len(spdm) || spdm || u32 len(chain) || chain) over a
   * GPU's raw evidence and certificate chain, as carried in GpuEvidence.
   */
  public static byte[] gpuEvidenceDigest(GpuEvidence evidence) {
    byte[] spdm = evidence.getSpdm().toByteArray();
    byte[] chain = evidence.getCertificateChainPem().toByteArray();
    ByteArrayOutputStream b = new ByteArrayOutputStream();
    b.writeBytes(label(GPU_EVIDENCE));
    b.writeBytes(u32(evidence.getIndex()));
    b.writeBytes(u32(spdm.length));
    b.writeBytes(spdm);
    b.writeBytes(u32(chain.length));
    b.writeBytes(chain);
    return Digests.sha256(b.toByteArray());
  }

  /** REPORT_DATA for the CPU evidence: SHA-512 of the serialized transcript bytes as sent. */
  public static byte[] reportData(byte[] transcriptBytes) {
    return Digests.sha512(transcriptBytes);
  }

  /** The bytes a session key signs for a SESSION-mode receipt. */
  public static byte[] receiptSignatureInput(byte[] jobTranscriptBytes) {
    ByteArrayOutputStream b = new ByteArrayOutputStream();
    b.writeBytes(label(RECEIPT_SIGNATURE_DOMAIN));
    b.writeBytes(jobTranscriptBytes);
    return b.toByteArray();
  }

  private static byte[] buffersDigest(String domain, List<byte[]> buffers) {
    // Streamed: inputs can be hundreds of megabytes; never copy them into one array.
    MessageDigest md = sha256();
    md.update(label(domain));
    md.update(u32(buffers.size()));
    for (byte[] buf : buffers) {
      md.update(ByteBuffer.allocate(8).putLong(buf.length).array());
      md.update(buf);
    }
    return md.digest();
  }

  private static MessageDigest sha256() {
    try {
      return MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is required by the Java platform", e);
    }
  }

  static byte[] label(String domain) {
    byte[] d = domain.getBytes(StandardCharsets.US_ASCII);
    byte[] out = new byte[d.length + 1];
    System.arraycopy(d, 0, out, 0, d.length);
    return out;
  }

  private static void writeString(ByteArrayOutputStream b, String s) {
    byte[] utf8 = s.getBytes(StandardCharsets.UTF_8);
    b.writeBytes(u32(utf8.length));
    b.writeBytes(utf8);
  }

  private static byte[] u32(int v) {
    return ByteBuffer.allocate(4).putInt(v).array();
  }

  private static byte[] fixed(byte[] v, int len, String what) {
    if (v.length != len) {
      throw new IllegalArgumentException(what + " must be " + len + " bytes, got " + v.length);
    }
    return v;
  }
}
