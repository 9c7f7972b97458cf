// prime-multiply: exact products of unsigned integers held as little-endian 32-bit limbs.
//
// One thread block per (a, b) pair. The host converts the big-endian operands into limbs, and
// splits operands above the Karatsuba threshold into equal-size leaf products (see
// docs/KERNELS.md); every launch is therefore a batch of equal-size schoolbook products.
//
// Algorithm (Comba / column-wise schoolbook):
//   1. the block copies a and b into shared memory;
//   2. thread t sums the columns k = t, t + blockDim.x, ... of the product,
//      S_k = sum_{i+j=k} a_i * b_j, into a 96-bit accumulator (a 64-bit low part plus a 32-bit
//      carry count; S_k < limbs * 2^64 <= 2^96);
//   3. thread 0 propagates the carries from column 0 upwards and writes the 2*limbs limbs.
// Step 3 is serial, O(limbs) per pair, against O(limbs^2 / blockDim) for step 2.
//
// Dynamic shared memory: 2 * limbs * 4 (operands) + 2 * limbs * 12 (column sums) = 32 * limbs.
#include <stdint.h>

extern "C" __global__ void pm_batch_mul(const uint32_t* __restrict__ a,
                                        const uint32_t* __restrict__ b,
                                        uint32_t* __restrict__ out,
                                        uint32_t limbs,
                                        uint32_t pairs) {
  extern __shared__ uint32_t smem[];
  const uint32_t pair = blockIdx.x;
  if (pair >= pairs) {
    return;
  }
  uint32_t* sa = smem;
  uint32_t* sb = smem + limbs;
  unsigned long long* lo = reinterpret_cast<unsigned long long*>(smem + 2 * limbs);
  uint32_t* hi = smem + 2 * limbs + 4 * limbs;
  const uint32_t cols = 2 * limbs;
  const size_t base = (size_t)pair * limbs;

  for (uint32_t i = threadIdx.x; i < limbs; i += blockDim.x) {
    sa[i] = a[base + i];
    sb[i] = b[base + i];
  }
  __syncthreads();

  for (uint32_t k = threadIdx.x; k < cols; k += blockDim.x) {
    unsigned long long acc = 0;
    uint32_t carry = 0;
    // i ranges over max(0, k - limbs + 1) .. min(k, limbs - 1).
    const uint32_t iStart = k < limbs ? 0 : k - limbs + 1;
    const uint32_t iEnd = k < limbs ? k : limbs - 1;
    for (uint32_t i = iStart; i <= iEnd && i < limbs; ++i) {
      const unsigned long long p = (unsigned long long)sa[i] * sb[k - i];
      acc += p;
      carry += acc < p ? 1u : 0u;
    }
    lo[k] = acc;
    hi[k] = carry;
  }
  __syncthreads();

  if (threadIdx.x == 0) {
    uint32_t* o = out + (size_t)pair * cols;
    unsigned long long c = 0;  // carry into the current column, < 2^64
    for (uint32_t k = 0; k < cols; ++k) {
      const unsigned long long t = lo[k] + c;
      const unsigned long long over = t < c ? 1ull : 0ull;
      o[k] = (uint32_t)t;
      c = (t >> 32) | (((unsigned long long)hi[k] + over) << 32);
    }
  }
}
