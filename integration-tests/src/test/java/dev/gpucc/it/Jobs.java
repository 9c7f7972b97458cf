package dev.gpucc.it;

import dev.gpucc.proto.v1.JobSpec;
import dev.gpucc.proto.v1.OperandEncoding;
import dev.gpucc.proto.v1.PrimeMultiplyParams;
import java.math.BigInteger;
import java.util.List;

/** Job builders for tests. */
final class Jobs {
  private Jobs() {}

  static JobSpec primeMultiply() {
    return JobSpec.newBuilder()
        .setKernel("prime-multiply")
        .setPrimeMultiply(PrimeMultiplyParams.newBuilder().setEncoding(OperandEncoding.OPERAND_ENCODING_BIG_ENDIAN))
        .build();
  }

  static List<byte[]> operands(BigInteger a, BigInteger b) {
    return List.of(magnitude(a), magnitude(b));
  }

  static byte[] magnitude(BigInteger v) {
    byte[] raw = v.toByteArray();
    if (raw.length > 1 && raw[0] == 0) {
      return java.util.Arrays.copyOfRange(raw, 1, raw.length);
    }
    return raw;
  }
}
