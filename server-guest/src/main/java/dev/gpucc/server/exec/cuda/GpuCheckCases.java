package dev.gpucc.server.exec.cuda;

import dev.gpucc.kernels.PrimeMultiplyKernel;
import dev.gpucc.kernels.ReduceSumKernel;
import dev.gpucc.kernels.SaxpyKernel;
import dev.gpucc.kernels.SgemmKernel;
import dev.gpucc.kernels.Sha256BatchKernel;
import dev.gpucc.kernels.VectorAddKernel;
import java.util.List;

/**
 * The cases the GPU check runs: odd edge sizes (one element, sizes that are not multiples of the
 * block, tile, chunk or limb size, the Karatsuba path with odd limb counts) and throughput sizes.
 */
final class GpuCheckCases {
  private GpuCheckCases() {}

  /** One case; {@code size}/{@code count} as in SampleJobs.generate. */
  record Case(String kernel, int size, int count) {}

  static List<Case> cases(boolean quick) {
    List<Case> edge = List.of(
        new Case(PrimeMultiplyKernel.NAME, 1, 3),
        new Case(PrimeMultiplyKernel.NAME, 5, 7),
        new Case(PrimeMultiplyKernel.NAME, 1100, 2), // 275 limbs: one Karatsuba level
        new Case(VectorAddKernel.NAME, 1, 1),
        new Case(VectorAddKernel.NAME, 4097, 1),
        new Case(SaxpyKernel.NAME, 257, 1),
        new Case(SgemmKernel.NAME, 1, 1),
        new Case(SgemmKernel.NAME, 33, 1),
        new Case(Sha256BatchKernel.NAME, 0, 3),
        new Case(Sha256BatchKernel.NAME, 55, 129),
        new Case(Sha256BatchKernel.NAME, 64, 5),
        new Case(ReduceSumKernel.NAME, 1, 1),
        new Case(ReduceSumKernel.NAME, 4097, 1));
    if (quick) {
      return edge;
    }
    List<Case> big = List.of(
        new Case(PrimeMultiplyKernel.NAME, 256, 4096), // 4096 pairs of 2048-bit operands
        new Case(PrimeMultiplyKernel.NAME, 1024, 1024), // 1024 pairs of 8192-bit operands
        new Case(PrimeMultiplyKernel.NAME, 1 << 17, 1), // one 1,048,576-bit product
        new Case(VectorAddKernel.NAME, 1 << 24, 1),
        new Case(SaxpyKernel.NAME, 1 << 24, 1),
        new Case(SgemmKernel.NAME, 1024, 1),
        new Case(Sha256BatchKernel.NAME, 64, 1 << 18),
        new Case(Sha256BatchKernel.NAME, 1000, 1 << 14),
        new Case(ReduceSumKernel.NAME, 1 << 24, 1));
    return java.util.stream.Stream.concat(edge.stream(), big.stream()).toList();
  }

  /** Work of one case in the unit the table prints, for throughput. */
  static String throughput(Case c, double ms) {
    if (ms <= 0) {
      return "-";
    }
    double s = ms / 1000;
    return switch (c.kernel()) {
      case PrimeMultiplyKernel.NAME -> String.format("%.0f products/s", c.count() / s);
      case VectorAddKernel.NAME, SaxpyKernel.NAME -> String.format("%.1f GB/s", 12.0 * c.size() / s / 1e9);
      case SgemmKernel.NAME -> String.format("%.1f GFLOP/s", 2.0 * c.size() * c.size() * c.size() / s / 1e9);
      case Sha256BatchKernel.NAME -> String.format("%.0f MB/s", (double) c.size() * c.count() / s / 1e6);
      case ReduceSumKernel.NAME -> String.format("%.1f GB/s", 8.0 * c.size() / s / 1e9);
      default -> "-";
    };
  }
}
