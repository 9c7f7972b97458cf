package dev.gpucc.server.exec.cuda;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.google.protobuf.ByteString;
import dev.gpucc.kernels.KernelLimits;
import dev.gpucc.proto.v1.CustomKernelParams;
import dev.gpucc.proto.v1.Dim3;
import dev.gpucc.proto.v1.KernelArg;
import java.util.List;
import org.junit.jupiter.api.Test;

class CustomKernelPlanTest {
  private static final List<byte[]> INPUTS = List.of(new byte[16], new byte[8]);

  private static CustomKernelParams.Builder base() {
    return CustomKernelParams.newBuilder()
        .setPtx(ByteString.copyFromUtf8(".version 9.0\n.target sm_90\n"))
        .setEntry("k")
        .setGrid(Dim3.newBuilder().setX(4).setY(1).setZ(1))
        .setBlock(Dim3.newBuilder().setX(256).setY(1).setZ(1))
        .addArgs(KernelArg.newBuilder().setInputIndex(1))
        .addArgs(KernelArg.newBuilder().setOutputBytes(64))
        .addArgs(KernelArg.newBuilder().setF32(2.5f))
        .addArgs(KernelArg.newBuilder().setInputIndex(1))
        .addArgs(KernelArg.newBuilder().setU64(7))
        .addArgs(KernelArg.newBuilder().setOutputBytes(4));
  }

  private static CustomKernelPlan plan(CustomKernelParams.Builder b) throws Exception {
    return CustomKernelPlan.of(b.build(), INPUTS, KernelLimits.DEFAULTS, DeviceLimits.HOPPER);
  }

  @Test
  void layout_paramsInOrder_inputsOnce_outputsNumbered() throws Exception {
    CustomKernelPlan p = plan(base());
    assertThat(p.params()).containsExactly(
        new CustomKernelPlan.InputBuffer(1),
        new CustomKernelPlan.OutputBuffer(0, 64),
        new CustomKernelPlan.Scalar(2.5f),
        new CustomKernelPlan.InputBuffer(1),
        new CustomKernelPlan.Scalar(7L),
        new CustomKernelPlan.OutputBuffer(1, 4));
    assertThat(p.usedInputs()).containsExactly(1);
    assertThat(p.deviceBytes()).isEqualTo(8 + 64 + 4);
    byte[] ptx = p.ptxForLoad();
    assertThat(ptx[ptx.length - 1]).isZero();
    assertThat(p.describe()).isEqualTo("custom kernel 'k' (grid 4x1x1, block 256x1x1)");
  }

  @Test
  void scalarsKeepTheirCTypes() throws Exception {
    CustomKernelPlan p = plan(base().clearArgs()
        .addArgs(KernelArg.newBuilder().setI32(-1)).addArgs(KernelArg.newBuilder().setU32(-1))
        .addArgs(KernelArg.newBuilder().setI64(-2)).addArgs(KernelArg.newBuilder().setF64(0.5))
        .addArgs(KernelArg.newBuilder().setOutputBytes(1)));
    assertThat(p.params().subList(0, 4)).containsExactly(new CustomKernelPlan.Scalar(-1),
        new CustomKernelPlan.Scalar(-1), new CustomKernelPlan.Scalar(-2L), new CustomKernelPlan.Scalar(0.5));
  }

  @Test
  void rejections_nameFieldValueAndLimit() {
    assertThatThrownBy(() -> plan(base().setPtx(ByteString.EMPTY))).hasMessageContaining("custom: ptx is empty");
    assertThatThrownBy(() -> plan(base().setPtx(ByteString.copyFrom(new byte[] {'a', 0}))))
        .hasMessageContaining("ptx must be text without NUL bytes");
    assertThatThrownBy(() -> plan(base().setEntry(""))).hasMessageContaining("entry (the kernel's .entry name) is empty");
    assertThatThrownBy(() -> plan(base().setGrid(Dim3.newBuilder().setX(4))))
        .hasMessageContaining("grid.y is 0; it must be 1..65535 (set all of x, y and z)");
    assertThatThrownBy(() -> plan(base().setBlock(Dim3.newBuilder().setX(64).setY(32).setZ(1))))
        .hasMessageContaining("block has 2048 threads; the device allows 1024 per block");
    assertThatThrownBy(() -> plan(base().setSharedMemoryBytes(300_000)))
        .hasMessageContaining("shared_memory_bytes is 300000; the device allows 232448 per block");
    assertThatThrownBy(() -> plan(base().addArgs(KernelArg.newBuilder().setInputIndex(2))))
        .hasMessageContaining("args[6] refers to input 2, but the job has 2 inputs");
    assertThatThrownBy(() -> plan(base().addArgs(KernelArg.newBuilder().setOutputBytes(0))))
        .hasMessageContaining("args[6] asks for an output of 0 bytes");
    assertThatThrownBy(() -> plan(base().addArgs(KernelArg.newBuilder().setOutputBytes(600L << 20))))
        .hasMessageContaining("total at most 536870912 bytes (server setting max-output-bytes)");
    assertThatThrownBy(() -> plan(base().addArgs(KernelArg.getDefaultInstance())))
        .hasMessageContaining("args[6] has no value");
    assertThatThrownBy(() -> plan(base().clearArgs().addArgs(KernelArg.newBuilder().setInputIndex(0))))
        .hasMessageContaining("no output buffer among the args");
  }
}
