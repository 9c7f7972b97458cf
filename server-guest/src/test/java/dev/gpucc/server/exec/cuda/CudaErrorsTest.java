package dev.gpucc.server.exec.cuda;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.gpucc.server.exec.ExecutionException.Kind;
import jcuda.driver.CUresult;
import org.junit.jupiter.api.Test;

class CudaErrorsTest {
  @Test
  void illegalAddress_isStickyKernelFailure_withNameAndDoing() {
    CudaErrors.CudaCallException e = CudaErrors.error(700, "running custom kernel 'oob'", Kind.DEVICE_ERROR);
    assertThat(e.kind()).isEqualTo(Kind.KERNEL_FAILED);
    assertThat(e.sticky()).isTrue();
    assertThat(e.getMessage()).isEqualTo("CUDA_ERROR_ILLEGAL_ADDRESS (700) while running custom kernel 'oob': "
        + "the kernel accessed an illegal memory address (out of bounds)");
  }

  @Test
  void kindsByCode() {
    assertThat(CudaErrors.error(2, "x", Kind.DEVICE_ERROR).kind()).isEqualTo(Kind.RESOURCE_EXHAUSTED);
    assertThat(CudaErrors.error(218, "x", Kind.DEVICE_ERROR).kind()).isEqualTo(Kind.KERNEL_FAILED);
    assertThat(CudaErrors.error(500, "x", Kind.DEVICE_ERROR).kind()).isEqualTo(Kind.KERNEL_FAILED);
    assertThat(CudaErrors.error(100, "x", Kind.KERNEL_FAILED).kind()).isEqualTo(Kind.DEVICE_ERROR);
    assertThat(CudaErrors.isSticky(218)).isFalse();
    assertThat(CudaErrors.isSticky(719)).isTrue();
  }

  @Test
  void phaseDecides_forInvalidValueAndUnknownCodes() {
    assertThat(CudaErrors.error(1, "launching k", Kind.KERNEL_FAILED).kind()).isEqualTo(Kind.KERNEL_FAILED);
    assertThat(CudaErrors.error(1, "copying", Kind.DEVICE_ERROR).kind()).isEqualTo(Kind.DEVICE_ERROR);
    assertThat(CudaErrors.error(12345, "doing y", Kind.DEVICE_ERROR).getMessage())
        .isEqualTo("CUresult 12345 (12345) while doing y");
  }

  @Test
  void tableNamesAgreeWithJCuda() {
    for (int code : new int[] {1, 2, 3, 4, 46, 100, 101, 200, 201, 209, 214, 218, 221, 222, 300, 400, 500,
        700, 701, 702, 710, 714, 715, 716, 717, 718, 719, 720, 999}) {
      assertThat(CudaErrors.name(code)).isEqualTo(CUresult.stringFor(code));
    }
    assertThat(CudaErrors.CUDA_ERROR_NOT_READY).isEqualTo(CUresult.CUDA_ERROR_NOT_READY);
  }

  @Test
  void check_passesSuccess_throwsOtherwise() throws Exception {
    CudaErrors.check(0, "x", Kind.DEVICE_ERROR);
    assertThatThrownBy(() -> CudaErrors.check(2, "allocating 10 bytes", Kind.DEVICE_ERROR))
        .hasMessageContaining("CUDA_ERROR_OUT_OF_MEMORY (2) while allocating 10 bytes");
  }

  @Test
  void uuidFormat() {
    byte[] b = new byte[16];
    for (int i = 0; i < 16; i++) {
      b[i] = (byte) i;
    }
    assertThat(CudaDevice.formatUuid(b)).isEqualTo("GPU-00010203-0405-0607-0809-0a0b0c0d0e0f");
  }
}
