// sha256-batch: SHA-256 (FIPS 180-4) of count messages of len bytes each, stored back to back.
// One thread per message; output digest m is written at out + 32 * m (big-endian words, as
// FIPS 180-4 prints them). Messages of any length, including 0 and lengths that are not a
// multiple of 4 or 64, are read byte by byte, so no alignment is assumed.
#include <stdint.h>

__constant__ uint32_t K256[64] = {
    0x428a2f98u, 0x71374491u, 0xb5c0fbcfu, 0xe9b5dba5u, 0x3956c25bu, 0x59f111f1u, 0x923f82a4u,
    0xab1c5ed5u, 0xd807aa98u, 0x12835b01u, 0x243185beu, 0x550c7dc3u, 0x72be5d74u, 0x80deb1feu,
    0x9bdc06a7u, 0xc19bf174u, 0xe49b69c1u, 0xefbe4786u, 0x0fc19dc6u, 0x240ca1ccu, 0x2de92c6fu,
    0x4a7484aau, 0x5cb0a9dcu, 0x76f988dau, 0x983e5152u, 0xa831c66du, 0xb00327c8u, 0xbf597fc7u,
    0xc6e00bf3u, 0xd5a79147u, 0x06ca6351u, 0x14292967u, 0x27b70a85u, 0x2e1b2138u, 0x4d2c6dfcu,
    0x53380d13u, 0x650a7354u, 0x766a0abbu, 0x81c2c92eu, 0x92722c85u, 0xa2bfe8a1u, 0xa81a664bu,
    0xc24b8b70u, 0xc76c51a3u, 0xd192e819u, 0xd6990624u, 0xf40e3585u, 0x106aa070u, 0x19a4c116u,
    0x1e376c08u, 0x2748774cu, 0x34b0bcb5u, 0x391c0cb3u, 0x4ed8aa4au, 0x5b9cca4fu, 0x682e6ff3u,
    0x748f82eeu, 0x78a5636fu, 0x84c87814u, 0x8cc70208u, 0x90befffau, 0xa4506cebu, 0xbef9a3f7u,
    0xc67178f2u};

__device__ __forceinline__ uint32_t rotr(uint32_t x, uint32_t n) {
  return (x >> n) | (x << (32 - n));
}

__device__ void sha256_block(uint32_t h[8], const uint32_t w16[16]) {
  uint32_t w[64];
  for (int i = 0; i < 16; ++i) {
    w[i] = w16[i];
  }
  for (int i = 16; i < 64; ++i) {
    const uint32_t s0 = rotr(w[i - 15], 7) ^ rotr(w[i - 15], 18) ^ (w[i - 15] >> 3);
    const uint32_t s1 = rotr(w[i - 2], 17) ^ rotr(w[i - 2], 19) ^ (w[i - 2] >> 10);
    w[i] = w[i - 16] + s0 + w[i - 7] + s1;
  }
  uint32_t a = h[0], b = h[1], c = h[2], d = h[3], e = h[4], f = h[5], g = h[6], hh = h[7];
  for (int i = 0; i < 64; ++i) {
    const uint32_t t1 = hh + (rotr(e, 6) ^ rotr(e, 11) ^ rotr(e, 25)) + ((e & f) ^ (~e & g)) +
                        K256[i] + w[i];
    const uint32_t t2 = (rotr(a, 2) ^ rotr(a, 13) ^ rotr(a, 22)) + ((a & b) ^ (a & c) ^ (b & c));
    hh = g;
    g = f;
    f = e;
    e = d + t1;
    d = c;
    c = b;
    b = a;
    a = t1 + t2;
  }
  h[0] += a; h[1] += b; h[2] += c; h[3] += d;
  h[4] += e; h[5] += f; h[6] += g; h[7] += hh;
}

extern "C" __global__ void sha256_batch(const uint8_t* __restrict__ in,
                                        uint8_t* __restrict__ out,
                                        unsigned long long len,
                                        unsigned long long count) {
  const unsigned long long m = (unsigned long long)blockIdx.x * blockDim.x + threadIdx.x;
  if (m >= count) {
    return;
  }
  const uint8_t* msg = in + m * len;
  uint32_t h[8] = {0x6a09e667u, 0xbb67ae85u, 0x3c6ef372u, 0xa54ff53au,
                   0x510e527fu, 0x9b05688cu, 0x1f83d9abu, 0x5be0cd19u};
  // Padded length: message, 0x80, zeros, 64-bit big-endian bit length; a multiple of 64.
  const unsigned long long total = ((len + 8) / 64 + 1) * 64;
  const unsigned long long bits = len * 8;
  uint32_t w[16];
  for (unsigned long long blk = 0; blk < total; blk += 64) {
    for (int i = 0; i < 16; ++i) {
      uint32_t word = 0;
      for (int j = 0; j < 4; ++j) {
        const unsigned long long p = blk + 4 * i + j;
        uint32_t byte;
        if (p < len) {
          byte = msg[p];
        } else if (p == len) {
          byte = 0x80u;
        } else if (p >= total - 8) {
          byte = (uint32_t)(bits >> (8 * (total - 1 - p))) & 0xffu;
        } else {
          byte = 0;
        }
        word = (word << 8) | byte;
      }
      w[i] = word;
    }
    sha256_block(h, w);
  }
  uint8_t* o = out + m * 32;
  for (int i = 0; i < 8; ++i) {
    o[4 * i] = (uint8_t)(h[i] >> 24);
    o[4 * i + 1] = (uint8_t)(h[i] >> 16);
    o[4 * i + 2] = (uint8_t)(h[i] >> 8);
    o[4 * i + 3] = (uint8_t)h[i];
  }
}
