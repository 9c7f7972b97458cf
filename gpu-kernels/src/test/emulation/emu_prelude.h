// CPU emulation of the CUDA execution model, just enough to run gpucc's kernels unchanged on a
// machine without a GPU: every block runs in turn, every thread of a block is a std::thread, and
// __syncthreads() is a barrier. Shared memory is a static (per-kernel) or a per-launch buffer,
// which is correct because blocks run one after another. Compiled with -ffp-contract=off so the
// host compiler does not fuse float operations the kernels write out separately.
#pragma once
#include <barrier>
#include <cmath>
#include <cstdint>
#include <functional>
#include <thread>
#include <vector>

struct dim3 {
  unsigned x = 1, y = 1, z = 1;
};
inline thread_local dim3 threadIdx;
inline thread_local dim3 blockIdx;
inline dim3 blockDim;
inline dim3 gridDim;
inline std::barrier<>* emu_barrier = nullptr;
inline std::vector<unsigned char> emu_dynamic_shared;

#define __global__
#define __device__
#define __forceinline__ inline
#define __constant__
#define __shared__ static
inline void __syncthreads() { emu_barrier->arrive_and_wait(); }
inline float __fadd_rn(float a, float b) { return a + b; }
inline float __fmul_rn(float a, float b) { return a * b; }
inline float __fmaf_rn(float a, float b, float c) { return std::fmaf(a, b, c); }
inline double __dadd_rn(double a, double b) { return a + b; }

inline void emu_launch(dim3 grid, dim3 block, size_t shared, const std::function<void()>& body) {
  gridDim = grid;
  blockDim = block;
  emu_dynamic_shared.assign(shared + 16, 0xAB);  // garbage, as on a GPU
  const unsigned threads = block.x * block.y * block.z;
  for (unsigned bz = 0; bz < grid.z; ++bz)
    for (unsigned by = 0; by < grid.y; ++by)
      for (unsigned bx = 0; bx < grid.x; ++bx) {
        std::barrier<> bar(threads);
        emu_barrier = &bar;
        std::vector<std::thread> ts;
        for (unsigned t = 0; t < threads; ++t) {
          ts.emplace_back([&, t] {
            blockIdx = {bx, by, bz};
            threadIdx = {t % block.x, (t / block.x) % block.y, t / (block.x * block.y)};
            body();
          });
        }
        for (auto& th : ts) th.join();
      }
}
