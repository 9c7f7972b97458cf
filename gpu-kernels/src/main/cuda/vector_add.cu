// vector-add: c[i] = a[i] + b[i] (float32, IEEE round-to-nearest, no contraction possible).
// Grid-stride loop, so any grid size covers any n.
#include <stdint.h>

extern "C" __global__ void vector_add(const float* __restrict__ a,
                                      const float* __restrict__ b,
                                      float* __restrict__ c,
                                      unsigned long long n) {
  const unsigned long long stride = (unsigned long long)blockDim.x * gridDim.x;
  for (unsigned long long i = (unsigned long long)blockIdx.x * blockDim.x + threadIdx.x; i < n;
       i += stride) {
    c[i] = __fadd_rn(a[i], b[i]);
  }
}
