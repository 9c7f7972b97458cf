package dev.gpucc.kernels;

import dev.gpucc.proto.v1.CustomKernelParams;
import dev.gpucc.proto.v1.Dim3;
import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/**
 * The kernel digest of a custom PTX job: what the transcript records as "the kernel that ran" in
 * place of a catalog kernel's PTX digest (docs/KERNELS.md, "Custom kernel digest").
 *
 * <pre>
 * SHA-256( "gpucc.v1.custom-kernel" || 0x00
 *        || u64be(len(ptx)) || ptx
 *        || u32be(len(entry as UTF-8)) || entry
 *        || u32be(grid.x) || u32be(grid.y) || u32be(grid.z)
 *        || u32be(block.x) || u32be(block.y) || u32be(block.z)
 *        || u32be(shared_memory_bytes) )
 * </pre>
 *
 * Every variable-length field is length-prefixed, so no two different parameter sets encode to
 * the same bytes. Dimensions are taken as sent (0 stays 0). The arguments are not included: they
 * are inputs, bound to the transcript separately.
 */
public final class CustomKernelDigest {
  /** Domain separation label, followed by one zero byte. */
  public static final String LABEL = "gpucc.v1.custom-kernel";

  private CustomKernelDigest() {}

  public static byte[] compute(CustomKernelParams params) {
    try {
      ByteArrayOutputStream bytes = new ByteArrayOutputStream(params.getPtx().size() + 128);
      DataOutputStream out = new DataOutputStream(bytes);
      out.write(LABEL.getBytes(StandardCharsets.US_ASCII));
      out.writeByte(0);
      out.writeLong(params.getPtx().size());
      params.getPtx().writeTo(out);
      byte[] entry = params.getEntry().getBytes(StandardCharsets.UTF_8);
      out.writeInt(entry.length);
      out.write(entry);
      dim(out, params.getGrid());
      dim(out, params.getBlock());
      out.writeInt(params.getSharedMemoryBytes());
      out.flush();
      return PtxResources.sha256(bytes.toByteArray());
    } catch (IOException e) {
      throw new UncheckedIOException(e); // in-memory streams do not fail
    }
  }

  private static void dim(DataOutputStream out, Dim3 d) throws IOException {
    out.writeInt(d.getX());
    out.writeInt(d.getY());
    out.writeInt(d.getZ());
  }
}
