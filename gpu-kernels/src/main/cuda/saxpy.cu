// saxpy: y[i] = fma(alpha, x[i], y[i]) (float32, one rounding). The fused multiply-add is
// written out so that the result does not depend on the compiler's contraction choices; the CPU
// reference uses Math.fma and matches bit for bit.
#include <stdint.h>

extern "C" __global__ void saxpy(float alpha,
                                 const float* __restrict__ x,
                                 float* __restrict__ y,
                                 unsigned long long n) {
  const unsigned long long stride = (unsigned long long)blockDim.x * gridDim.x;
  for (unsigned long long i = (unsigned long long)blockIdx.x * blockDim.x + threadIdx.x; i < n;
       i += stride) {
    y[i] = __fmaf_rn(alpha, x[i], y[i]);
  }
}
