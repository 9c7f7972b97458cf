package dev.gpucc.kernels;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;

/** float32/float64 arrays to and from the little-endian bytes that jobs carry. */
public final class LittleEndian {
  private LittleEndian() {}

  public static float[] floats(byte[] data) {
    float[] out = new float[data.length / 4];
    ByteBuffer.wrap(data).order(ByteOrder.LITTLE_ENDIAN).asFloatBuffer().get(out);
    return out;
  }

  public static byte[] bytes(float[] values) {
    ByteBuffer b = ByteBuffer.allocate(values.length * 4).order(ByteOrder.LITTLE_ENDIAN);
    b.asFloatBuffer().put(values);
    return b.array();
  }

  public static double[] doubles(byte[] data) {
    double[] out = new double[data.length / 8];
    ByteBuffer.wrap(data).order(ByteOrder.LITTLE_ENDIAN).asDoubleBuffer().get(out);
    return out;
  }

  public static byte[] bytes(double[] values) {
    ByteBuffer b = ByteBuffer.allocate(values.length * 8).order(ByteOrder.LITTLE_ENDIAN);
    b.asDoubleBuffer().put(values);
    return b.array();
  }
}
