package dev.gpucc.kernels;

import dev.gpucc.proto.v1.CustomKernelParams;
import dev.gpucc.proto.v1.Dim3;
import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;

/**
 * Kernel digest of a client-supplied PTX kernel (docs/PROTOCOL.md): SHA-256("gpucc.v1.custom-kernel"
 * || 0x00 || u64 len(ptx) || ptx || u32 len(entry) || entry || grid x,y,z || block x,y,z ||
 * shared_memory_bytes), integers big-endian. It covers the code, the entry point and the launch
 * configuration.
 */
public final class CustomKernelDigest {
  private CustomKernelDigest() {}

  public static byte[] compute(CustomKernelParams p) {
    ByteArrayOutputStream b = new ByteArrayOutputStream();
    b.writeBytes("gpucc.v1.custom-kernel".getBytes(StandardCharsets.US_ASCII));
    b.write(0);
    byte[] ptx = p.getPtx().toByteArray();
    b.writeBytes(ByteBuffer.allocate(8).putLong(ptx.length).array());
    b.writeBytes(ptx);
    byte[] entry = p.getEntry().getBytes(StandardCharsets.UTF_8);
    b.writeBytes(u32(entry.length));
    b.writeBytes(entry);
    dim(b, p.getGrid());
    dim(b, p.getBlock());
    b.writeBytes(u32(p.getSharedMemoryBytes()));
    return PtxResources.sha256(b.toByteArray());
  }

  private static void dim(ByteArrayOutputStream b, Dim3 d) {
    b.writeBytes(u32(d.getX()));
    b.writeBytes(u32(d.getY()));
    b.writeBytes(u32(d.getZ()));
  }

  private static byte[] u32(int v) {
    return ByteBuffer.allocate(4).putInt(v).array();
  }
}
