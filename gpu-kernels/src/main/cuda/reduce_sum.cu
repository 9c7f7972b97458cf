// reduce-sum: the sum of float64 values, in a fixed order that the CPU reference reproduces
// exactly (floating-point addition is not associative, so the order is part of the function):
//   the input is cut into chunks of 4096 values; a block of 256 threads sums one chunk:
//   thread t adds x[c*4096 + t + 256*j] for j = 0..15 in order (starting from +0.0, skipping
//   indices >= n), then the 256 partial sums are combined by a binary tree
//   (s[t] += s[t + h] for h = 128, 64, ..., 1).
//   The chunk sums form the input of the next pass, until one value remains.
//   An empty input sums to +0.0.
#include <stdint.h>

#define RS_THREADS 256
#define RS_PER_THREAD 16
#define RS_CHUNK (RS_THREADS * RS_PER_THREAD)

extern "C" __global__ void reduce_sum_pass(const double* __restrict__ in,
                                           double* __restrict__ out,
                                           unsigned long long n) {
  __shared__ double s[RS_THREADS];
  const unsigned long long base = (unsigned long long)blockIdx.x * RS_CHUNK;
  const uint32_t t = threadIdx.x;
  double acc = 0.0;
  for (uint32_t j = 0; j < RS_PER_THREAD; ++j) {
    const unsigned long long i = base + t + (unsigned long long)RS_THREADS * j;
    if (i < n) {
      acc = __dadd_rn(acc, in[i]);
    }
  }
  s[t] = acc;
  __syncthreads();
  for (uint32_t h = RS_THREADS / 2; h > 0; h >>= 1) {
    if (t < h) {
      s[t] = __dadd_rn(s[t], s[t + h]);
    }
    __syncthreads();
  }
  if (t == 0) {
    out[blockIdx.x] = s[0];
  }
}
