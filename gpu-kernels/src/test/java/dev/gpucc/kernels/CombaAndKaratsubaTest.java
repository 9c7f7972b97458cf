package dev.gpucc.kernels;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigInteger;
import java.util.Random;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class CombaAndKaratsubaTest {
  private final Random rnd = new Random(42);

  private static BigInteger allOnes(int limbs) {
    return BigInteger.ONE.shiftLeft(32 * limbs).subtract(BigInteger.ONE);
  }

  @Test
  void limbsRoundTrip() {
    for (int bits : new int[] {0, 1, 31, 32, 33, 64, 100, 1000}) {
      BigInteger v = new BigInteger(bits, rnd);
      int n = Limbs.count(v) + 1;
      int[] l = new int[n + 2];
      Limbs.put(v, l, 1, n);
      assertThat(Limbs.get(l, 1, n)).isEqualTo(v);
    }
  }

  @Test
  void comba_matchesBigInteger_randomAndCarryHeavy() {
    CombaMultiplier m = new CombaMultiplier();
    for (int limbs = 1; limbs <= 70; limbs += (limbs < 10 ? 1 : 7)) {
      int pairs = 3;
      BigInteger[] a = {allOnes(limbs), BigInteger.ZERO, new BigInteger(32 * limbs, rnd)};
      BigInteger[] b = {allOnes(limbs), allOnes(limbs), new BigInteger(32 * limbs - 5, rnd)};
      int[] pa = new int[pairs * limbs];
      int[] pb = new int[pairs * limbs];
      for (int i = 0; i < pairs; i++) {
        Limbs.put(a[i], pa, i * limbs, limbs);
        Limbs.put(b[i], pb, i * limbs, limbs);
      }
      int[] out = m.multiply(limbs, pairs, pa, pb);
      for (int i = 0; i < pairs; i++) {
        assertThat(Limbs.get(out, i * 2 * limbs, 2 * limbs)).as("limbs %d pair %d", limbs, i)
            .isEqualTo(a[i].multiply(b[i]));
      }
    }
  }

  @Test
  void karatsuba_matchesBigInteger_manySizesAndThresholds_oneBatchCall() {
    for (int threshold : new int[] {1, 3, 16, 256}) {
      for (int bits : new int[] {1, 32, 33, 95, 500, 4096, 9000, 40000}) {
        BigInteger[] a = {new BigInteger(bits, rnd), allOnes((bits + 31) / 32), BigInteger.ZERO,
            new BigInteger(bits, rnd)};
        BigInteger[] b = {new BigInteger(bits, rnd), allOnes((bits + 31) / 32), new BigInteger(bits, rnd),
            BigInteger.valueOf(7)};
        AtomicInteger calls = new AtomicInteger();
        CombaMultiplier comba = new CombaMultiplier();
        BigInteger[] p = KaratsubaPlan.multiplyAll(a, b, threshold, (limbs, pairs, x, y) -> {
          calls.incrementAndGet();
          assertThat(limbs).isLessThanOrEqualTo(threshold);
          return comba.multiply(limbs, pairs, x, y);
        });
        assertThat(calls).hasValue(1);
        for (int i = 0; i < a.length; i++) {
          assertThat(p[i]).as("bits %d threshold %d pair %d", bits, threshold, i)
              .isEqualTo(a[i].multiply(b[i]));
        }
      }
    }
  }

  @Test
  void karatsuba_oneMegabitProduct() {
    BigInteger a = new BigInteger(1 << 20, rnd);
    BigInteger b = new BigInteger(1 << 20, rnd);
    BigInteger[] p = KaratsubaPlan.multiplyAll(new BigInteger[] {a}, new BigInteger[] {b},
        KaratsubaPlan.DEFAULT_THRESHOLD_LIMBS,
        (limbs, pairs, x, y) -> {
          // A fast leaf multiplier for the test: BigInteger on each leaf.
          int[] out = new int[pairs * 2 * limbs];
          for (int i = 0; i < pairs; i++) {
            BigInteger prod = Limbs.get(x, i * limbs, limbs).multiply(Limbs.get(y, i * limbs, limbs));
            Limbs.put(prod, out, i * 2 * limbs, 2 * limbs);
          }
          return out;
        });
    assertThat(p[0]).isEqualTo(a.multiply(b));
    assertThat(KaratsubaPlan.leafCount(32768, 256)).isEqualTo(6561);
  }

  @Test
  void karatsuba_rejectsBadThreshold() {
    assertThatThrownBy(() -> KaratsubaPlan.multiplyAll(new BigInteger[0], new BigInteger[0], 2000,
            new CombaMultiplier()))
        .hasMessageContaining("threshold must be 1..1024");
  }
}
