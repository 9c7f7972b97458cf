// sgemm: C' = alpha * (A x B) + beta * C, row-major float32, A is MxK, B is KxN, C is MxN.
//
// Shared-memory tiling, 16x16 threads per block, one output element per thread. The dot product
// is accumulated with fused multiply-adds in ascending k, one at a time, so the result is a fixed
// function of the inputs that the CPU reference (Math.fma in the same order) reproduces exactly:
//   acc = fma(A[r][k], B[k][c], acc) for k = 0 .. K-1, starting from +0.0f;
//   C'[r][c] = beta == 0 ? alpha * acc : fma(beta, C[r][c], alpha * acc).
// With beta == 0, C is not read (BLAS convention: NaN in C does not propagate).
#include <stdint.h>

#define TILE 16

extern "C" __global__ void sgemm_tiled(const float* __restrict__ A,
                                       const float* __restrict__ B,
                                       float* __restrict__ C,
                                       uint32_t M,
                                       uint32_t N,
                                       uint32_t K,
                                       float alpha,
                                       float beta) {
  __shared__ float As[TILE][TILE];
  __shared__ float Bs[TILE][TILE];
  const uint32_t tx = threadIdx.x;
  const uint32_t ty = threadIdx.y;
  const uint32_t row = blockIdx.y * TILE + ty;
  const uint32_t col = blockIdx.x * TILE + tx;
  float acc = 0.0f;
  for (uint32_t t = 0; t < K; t += TILE) {
    As[ty][tx] = (row < M && t + tx < K) ? A[(size_t)row * K + t + tx] : 0.0f;
    Bs[ty][tx] = (col < N && t + ty < K) ? B[(size_t)(t + ty) * N + col] : 0.0f;
    __syncthreads();
    // Only real k: padding would turn an accumulated -0.0f into +0.0f.
    const uint32_t kEnd = K - t < TILE ? K - t : TILE;
    for (uint32_t kk = 0; kk < kEnd; ++kk) {
      acc = __fmaf_rn(As[ty][kk], Bs[kk][tx], acc);
    }
    __syncthreads();
  }
  if (row < M && col < N) {
    const size_t idx = (size_t)row * N + col;
    const float scaled = __fmul_rn(alpha, acc);
    C[idx] = beta == 0.0f ? scaled : __fmaf_rn(beta, C[idx], scaled);
  }
}
