package dev.gpucc.kernels;

import dev.gpucc.proto.v1.JobSpec;
import dev.gpucc.proto.v1.Sha256BatchParams;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.List;

/**
 * sha256-batch: SHA-256 (FIPS 180-4) of message_count messages of message_bytes each, stored back
 * to back in one input; output: the message_count 32-byte digests back to back.
 */
public final class Sha256BatchKernel extends PtxKernel {
  public static final String NAME = "sha256-batch";
  public static final String PTX_FILE = "sha256_batch.ptx";
  public static final String ENTRY = "sha256_batch";

  public Sha256BatchKernel() {
    super(NAME, "1.0.0", "SHA-256 of many equal-length messages, one GPU thread each", PTX_FILE);
  }

  @Override
  public void validate(JobSpec spec, List<byte[]> inputs, KernelLimits limits)
      throws KernelInputException {
    requireParams(spec, JobSpec.ParamsCase.SHA256_BATCH, false);
    requireInputs(inputs, 1, "messages");
    Sha256BatchParams p = spec.getSha256Batch();
    long count = Integer.toUnsignedLong(p.getMessageCount());
    long len = Integer.toUnsignedLong(p.getMessageBytes());
    if (count == 0) {
      throw new KernelInputException(NAME + ": message_count must be at least 1");
    }
    if (inputs.get(0).length != count * len) {
      throw new KernelInputException(
          NAME + ": input has " + inputs.get(0).length + " bytes; " + count + " messages of " + len
              + " bytes take " + count * len);
    }
    requireTotals(inputs, count * 32, limits);
  }

  @Override
  List<byte[]> compute(JobSpec spec, List<byte[]> inputs) {
    Sha256BatchParams p = spec.getSha256Batch();
    int count = p.getMessageCount();
    int len = p.getMessageBytes();
    byte[] in = inputs.get(0);
    byte[] out = new byte[count * 32];
    MessageDigest md = sha256();
    for (int m = 0; m < count; m++) {
      md.update(in, m * len, len);
      System.arraycopy(md.digest(), 0, out, m * 32, 32);
    }
    return List.of(out);
  }

  private static MessageDigest sha256() {
    try {
      return MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
