package dev.gpucc.kernels;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.gpucc.proto.v1.JobSpec;
import dev.gpucc.proto.v1.OperandEncoding;
import dev.gpucc.proto.v1.PrimeMultiplyParams;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class PrimeMultiplyKernelTest {
  private final PrimeMultiplyKernel k = new PrimeMultiplyKernel();
  private final Random rnd = new Random(7);

  private static JobSpec spec(OperandEncoding enc, int pairs, int width) {
    return JobSpec.newBuilder().setKernel(PrimeMultiplyKernel.NAME)
        .setPrimeMultiply(PrimeMultiplyParams.newBuilder().setEncoding(enc).setPairCount(pairs)
            .setOperandBytes(width))
        .build();
  }

  private byte[] randomBytes(int n) {
    byte[] b = new byte[n];
    rnd.nextBytes(b);
    return b;
  }

  @Test
  void single_bigEndian_manySizes() throws Exception {
    for (int len : new int[] {1, 2, 3, 4, 5, 7, 31, 64, 129, 1000, 4099}) {
      byte[] a = randomBytes(len);
      byte[] b = randomBytes(len / 2 + 1);
      byte[] out = k.runOnCpu(spec(OperandEncoding.OPERAND_ENCODING_UNSPECIFIED, 0, 0), List.of(a, b),
          KernelLimits.DEFAULTS).get(0);
      assertThat(out).hasSize(a.length + b.length);
      assertThat(new BigInteger(1, out)).isEqualTo(new BigInteger(1, a).multiply(new BigInteger(1, b)));
    }
  }

  @Test
  void decimal_product_andZeroOne() throws Exception {
    JobSpec s = spec(OperandEncoding.OPERAND_ENCODING_DECIMAL, 1, 0);
    BigInteger p = BigInteger.probablePrime(521, rnd);
    BigInteger q = BigInteger.probablePrime(607, rnd);
    byte[] out = k.runOnCpu(s, List.of(ascii(p.toString()), ascii(q.toString())), KernelLimits.DEFAULTS).get(0);
    assertThat(new String(out, StandardCharsets.US_ASCII)).isEqualTo(p.multiply(q).toString());
    assertThat(k.runOnCpu(s, List.of(ascii("0"), ascii("12345")), KernelLimits.DEFAULTS).get(0))
        .isEqualTo(ascii("0"));
    assertThat(k.runOnCpu(s, List.of(ascii("1"), ascii("0099")), KernelLimits.DEFAULTS).get(0))
        .isEqualTo(ascii("99"));
  }

  @Test
  void batch_fixedWidth_manyWidths() throws Exception {
    for (int width : new int[] {1, 3, 4, 5, 17, 64, 128, 257, 1024}) {
      int pairs = 1 + rnd.nextInt(20);
      byte[] a = randomBytes(pairs * width);
      byte[] b = randomBytes(pairs * width);
      Arrays.fill(a, 0, width, (byte) 0xff); // pair 0: all ones times random
      Arrays.fill(b, width, Math.min(2 * width, b.length), (byte) 0); // pair 1: times zero
      byte[] out = k.runOnCpu(spec(OperandEncoding.OPERAND_ENCODING_BIG_ENDIAN, pairs, width), List.of(a, b),
          KernelLimits.DEFAULTS).get(0);
      assertThat(out).hasSize(pairs * 2 * width);
      for (int i = 0; i < pairs; i++) {
        BigInteger x = new BigInteger(1, Arrays.copyOfRange(a, i * width, (i + 1) * width));
        BigInteger y = new BigInteger(1, Arrays.copyOfRange(b, i * width, (i + 1) * width));
        BigInteger got = new BigInteger(1, Arrays.copyOfRange(out, i * 2 * width, (i + 1) * 2 * width));
        assertThat(got).as("width %d pair %d", width, i).isEqualTo(x.multiply(y));
      }
    }
  }

  @Test
  void limits_and_malformedInputs_haveClearMessages() {
    KernelLimits small = new KernelLimits(64, 4, 1000, 1000);
    assertThatThrownBy(() -> k.validate(spec(OperandEncoding.OPERAND_ENCODING_BIG_ENDIAN, 5, 8),
            List.of(new byte[40], new byte[40]), small))
        .hasMessageContaining("pair_count is 5; the limit is 4 pairs");
    assertThatThrownBy(() -> k.validate(spec(OperandEncoding.OPERAND_ENCODING_BIG_ENDIAN, 2, 9),
            List.of(new byte[18], new byte[18]), small))
        .hasMessageContaining("operand_bytes is 9 (72 bits); the limit is 64 bits");
    assertThatThrownBy(() -> k.validate(spec(OperandEncoding.OPERAND_ENCODING_BIG_ENDIAN, 2, 8),
            List.of(new byte[16], new byte[15]), small))
        .hasMessageContaining("input b has 15 bytes; 2 operands of 8 bytes take 16");
    assertThatThrownBy(() -> k.validate(spec(OperandEncoding.OPERAND_ENCODING_BIG_ENDIAN, 2, 0),
            List.of(new byte[16], new byte[16]), small))
        .hasMessageContaining("operand_bytes is required when pair_count > 1");
    assertThatThrownBy(() -> k.validate(spec(OperandEncoding.OPERAND_ENCODING_DECIMAL, 2, 0),
            List.of(ascii("1"), ascii("2")), small))
        .hasMessageContaining("DECIMAL operands come one per input");
    assertThatThrownBy(() -> k.validate(spec(OperandEncoding.OPERAND_ENCODING_DECIMAL, 1, 0),
            List.of(ascii("12a"), ascii("2")), small))
        .hasMessageContaining("operand a is not a decimal number (character at position 2)");
    assertThatThrownBy(() -> k.validate(spec(OperandEncoding.OPERAND_ENCODING_BIG_ENDIAN, 0, 0),
            List.of(new byte[0], new byte[1]), small))
        .hasMessageContaining("operand a is empty");
    assertThatThrownBy(() -> k.validate(spec(OperandEncoding.OPERAND_ENCODING_BIG_ENDIAN, 0, 0),
            List.of(new byte[] {1, 0, 0, 0, 0, 0, 0, 0, 0}, new byte[1]), small))
        .hasMessageContaining("operand a has 65 bits; the limit is 64 bits");
    assertThatThrownBy(() -> k.validate(spec(OperandEncoding.OPERAND_ENCODING_BIG_ENDIAN, 0, 0),
            List.of(new byte[900], new byte[200]), new KernelLimits(1 << 20, 4, 1000, 5000)))
        .hasMessageContaining("inputs total 1100 bytes; the limit is 1000 bytes");
    assertThatThrownBy(() -> k.validate(spec(OperandEncoding.OPERAND_ENCODING_BIG_ENDIAN, 0, 0),
            List.of(new byte[1]), small))
        .hasMessageContaining("takes 2 inputs (a, b), got 1");
  }

  private static byte[] ascii(String s) {
    return s.getBytes(StandardCharsets.US_ASCII);
  }
}
