package dev.gpucc.kernels;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.protobuf.ByteString;
import dev.gpucc.proto.v1.CustomKernelParams;
import dev.gpucc.proto.v1.Dim3;
import java.util.HexFormat;
import org.junit.jupiter.api.Test;

class CustomKernelDigestTest {
  private static CustomKernelParams.Builder params() {
    return CustomKernelParams.newBuilder()
        .setPtx(ByteString.copyFromUtf8(".version 9.0\n.target sm_90\n"))
        .setEntry("k\u00e9")
        .setGrid(Dim3.newBuilder().setX(2).setY(3).setZ(4))
        .setBlock(Dim3.newBuilder().setX(32).setY(1).setZ(1))
        .setSharedMemoryBytes(1024);
  }

  @Test
  void matchesIndependentComputation() {
    // Expected value computed with Python hashlib + struct from the documented layout.
    assertThat(HexFormat.of().formatHex(CustomKernelDigest.compute(params().build())))
        .isEqualTo("cc9cb6be497cd6c5c34cee10ad81b2b0957fd8224275ba9569c96c7336a8eada");
  }

  @Test
  void everyFieldChangesTheDigest_butArgsDoNot() {
    byte[] base = CustomKernelDigest.compute(params().build());
    assertThat(CustomKernelDigest.compute(params().setEntry("k").build())).isNotEqualTo(base);
    assertThat(CustomKernelDigest.compute(params().setPtx(ByteString.copyFromUtf8("x")).build()))
        .isNotEqualTo(base);
    assertThat(CustomKernelDigest.compute(params().setGrid(Dim3.newBuilder().setX(3).setY(2).setZ(4)).build()))
        .isNotEqualTo(base);
    assertThat(CustomKernelDigest.compute(params().setBlock(Dim3.newBuilder().setX(64).setY(1).setZ(1)).build()))
        .isNotEqualTo(base);
    assertThat(CustomKernelDigest.compute(params().setSharedMemoryBytes(0).build())).isNotEqualTo(base);
    assertThat(CustomKernelDigest.compute(
            params().addArgs(dev.gpucc.proto.v1.KernelArg.newBuilder().setU32(1)).build()))
        .isEqualTo(base);
  }
}
