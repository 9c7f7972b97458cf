// Runs one gpucc kernel under emulation with the launch configuration of BuiltInLaunchers.
// Usage (all buffers are files of raw bytes, as in the job protocol):
//   emu vector_add A B OUT | emu saxpy ALPHA X Y OUT | emu sgemm M N K ALPHA BETA A B C OUT
//   emu sha256 LEN COUNT IN OUT | emu reduce IN OUT | emu pm LIMBS PAIRS A B OUT (LE 32-bit limbs)
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <fstream>
#include <iterator>
#include <string>

static std::vector<unsigned char> readf(const char* p) {
  std::ifstream f(p, std::ios::binary);
  return std::vector<unsigned char>(std::istreambuf_iterator<char>(f), {});
}
static void writef(const char* p, const void* d, size_t n) {
  std::ofstream f(p, std::ios::binary);
  f.write(static_cast<const char*>(d), n);
}
static dim3 d1(unsigned x) { dim3 d; d.x = x; return d; }
static unsigned blocks(unsigned long long n, unsigned t) {
  unsigned long long b = (n + t - 1) / t;
  if (b < 1) b = 1;
  if (b > 65536) b = 65536;
  return (unsigned)b;
}

int main(int argc, char** argv) {
  std::string k = argv[1];
  if (k == "vector_add") {
    auto a = readf(argv[2]), b = readf(argv[3]);
    std::vector<unsigned char> c(a.size(), 0xFF);
    unsigned long long n = a.size() / 4;
    emu_launch(d1(blocks(n, 256)), d1(256), 0, [&] {
      vector_add((float*)a.data(), (float*)b.data(), (float*)c.data(), n); });
    writef(argv[4], c.data(), c.size());
  } else if (k == "saxpy") {
    float alpha = strtof(argv[2], nullptr);
    auto x = readf(argv[3]), y = readf(argv[4]);
    unsigned long long n = y.size() / 4;
    emu_launch(d1(blocks(n, 256)), d1(256), 0, [&] {
      saxpy(alpha, (float*)x.data(), (float*)y.data(), n); });
    writef(argv[5], y.data(), y.size());
  } else if (k == "sgemm") {
    unsigned M = atoi(argv[2]), N = atoi(argv[3]), K = atoi(argv[4]);
    float alpha = strtof(argv[5], nullptr), beta = strtof(argv[6], nullptr);
    auto A = readf(argv[7]), B = readf(argv[8]), C = readf(argv[9]);
    dim3 g; g.x = (N + 15) / 16; g.y = (M + 15) / 16;
    dim3 b; b.x = 16; b.y = 16;
    emu_launch(g, b, 0, [&] {
      sgemm_tiled((float*)A.data(), (float*)B.data(), (float*)C.data(), M, N, K, alpha, beta); });
    writef(argv[10], C.data(), C.size());
  } else if (k == "sha256") {
    unsigned long long len = strtoull(argv[2], nullptr, 10), count = strtoull(argv[3], nullptr, 10);
    auto in = readf(argv[4]);
    in.push_back(0);  // never read; keeps data() valid for empty input
    std::vector<unsigned char> out(32 * count, 0xFF);
    emu_launch(d1((unsigned)((count + 127) / 128)), d1(128), 0, [&] {
      sha256_batch(in.data(), out.data(), len, count); });
    writef(argv[5], out.data(), out.size());
  } else if (k == "reduce") {
    auto raw = readf(argv[2]);
    std::vector<double> in(raw.size() / 8);
    memcpy(in.data(), raw.data(), raw.size());
    unsigned long long n = in.size();
    double result = 0.0;
    if (n > 0) {
      do {
        unsigned long long chunks = (n + 4095) / 4096;
        std::vector<double> out(chunks, -1.0);
        emu_launch(d1((unsigned)chunks), d1(256), 0, [&] { reduce_sum_pass(in.data(), out.data(), n); });
        in.swap(out);
        n = chunks;
      } while (n > 1);
      result = in[0];
    }
    writef(argv[3], &result, 8);
  } else if (k == "pm") {
    unsigned limbs = atoi(argv[2]), pairs = atoi(argv[3]);
    auto a = readf(argv[4]), b = readf(argv[5]);
    std::vector<unsigned char> out(8ull * limbs * pairs, 0xFF);
    unsigned threads = 2 * limbs < 256 ? ((2 * limbs + 31) / 32) * 32 : 256;
    emu_launch(d1(pairs), d1(threads), 32ull * limbs, [&] {
      pm_batch_mul((uint32_t*)a.data(), (uint32_t*)b.data(), (uint32_t*)out.data(), limbs, pairs); });
    writef(argv[6], out.data(), out.size());
  } else {
    fprintf(stderr, "unknown kernel %s\n", argv[1]);
    return 2;
  }
  return 0;
}
