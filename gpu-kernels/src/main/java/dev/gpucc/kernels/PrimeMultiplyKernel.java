package dev.gpucc.kernels;

import dev.gpucc.proto.v1.JobSpec;
import dev.gpucc.proto.v1.OperandEncoding;
import dev.gpucc.proto.v1.PrimeMultiplyParams;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;

/**
 * prime-multiply: the exact product of two non-negative integers (the flagship demo multiplies
 * two large primes). Inputs [a, b]; output [a*b] in the inputs' encoding.
 */
public final class PrimeMultiplyKernel implements KernelDefinition {
  public static final String NAME = "prime-multiply";
  static final String PTX_FILE = "prime_multiply.ptx";
  private final Optional<byte[]> ptx = PtxResources.load(PTX_FILE);

  @Override
  public String name() {
    return NAME;
  }

  @Override
  public String version() {
    return "1.0.0";
  }

  @Override
  public String description() {
    return "exact product of large non-negative integers (a * b)";
  }

  @Override
  public byte[] digest() {
    // Without packaged PTX the digest names the function only (CPU executor).
    return PtxResources.sha256(ptx.orElse((NAME + "@" + version()).getBytes(StandardCharsets.UTF_8)));
  }

  @Override
  public Optional<byte[]> ptx() {
    return ptx.map(byte[]::clone);
  }

  @Override
  public void validate(JobSpec spec, List<byte[]> inputs, KernelLimits limits)
      throws KernelInputException {
    operands(spec, inputs, limits);
  }

  @Override
  public List<byte[]> runOnCpu(JobSpec spec, List<byte[]> inputs, KernelLimits limits)
      throws KernelInputException {
    BigInteger[] ab = operands(spec, inputs, limits);
    BigInteger product = ab[0].multiply(ab[1]);
    if (encoding(spec) == OperandEncoding.OPERAND_ENCODING_DECIMAL) {
      return List.of(product.toString().getBytes(StandardCharsets.US_ASCII));
    }
    return List.of(toFixedWidth(product, inputs.get(0).length + inputs.get(1).length));
  }

  private static OperandEncoding encoding(JobSpec spec) {
    PrimeMultiplyParams p = spec.getPrimeMultiply();
    return p.getEncoding() == OperandEncoding.OPERAND_ENCODING_UNSPECIFIED
        ? OperandEncoding.OPERAND_ENCODING_BIG_ENDIAN
        : p.getEncoding();
  }

  private static BigInteger[] operands(JobSpec spec, List<byte[]> inputs, KernelLimits limits)
      throws KernelInputException {
    if (spec.getParamsCase() != JobSpec.ParamsCase.PRIME_MULTIPLY
        && spec.getParamsCase() != JobSpec.ParamsCase.PARAMS_NOT_SET) {
      throw new KernelInputException("prime-multiply takes prime_multiply params, got " + spec.getParamsCase());
    }
    if (inputs.size() != 2) {
      throw new KernelInputException("prime-multiply takes 2 inputs (a, b), got " + inputs.size());
    }
    PrimeMultiplyParams p = spec.getPrimeMultiply();
    if (p.getPairCount() > 1 || p.getOperandBytes() != 0) {
      throw new KernelInputException("batches (pair_count > 1) are not supported by this server version");
    }
    OperandEncoding enc = encoding(spec);
    BigInteger a = parse("a", inputs.get(0), enc, limits);
    BigInteger b = parse("b", inputs.get(1), enc, limits);
    return new BigInteger[] {a, b};
  }

  private static BigInteger parse(String name, byte[] data, OperandEncoding enc, KernelLimits limits)
      throws KernelInputException {
    if (data.length == 0) {
      throw new KernelInputException("operand " + name + " is empty");
    }
    BigInteger v;
    if (enc == OperandEncoding.OPERAND_ENCODING_DECIMAL) {
      // Bound the text before parsing: decimal digits carry log2(10) bits each.
      long maxDigits = (long) Math.ceil(limits.maxOperandBits() * Math.log10(2)) + 1;
      if (data.length > maxDigits) {
        throw new KernelInputException(
            "operand " + name + " has " + data.length + " decimal digits; the limit is "
                + limits.maxOperandBits() + " bits (server setting max-operand-bits)");
      }
      for (int i = 0; i < data.length; i++) {
        if (data[i] < '0' || data[i] > '9') {
          throw new KernelInputException(
              "operand " + name + " is not a decimal number (character at position " + i + ")");
        }
      }
      v = new BigInteger(new String(data, StandardCharsets.US_ASCII));
    } else if (enc == OperandEncoding.OPERAND_ENCODING_BIG_ENDIAN) {
      v = new BigInteger(1, data);
    } else {
      throw new KernelInputException("unknown operand encoding " + enc);
    }
    if (v.bitLength() > limits.maxOperandBits()) {
      throw new KernelInputException(
          "operand " + name + " has " + v.bitLength() + " bits; the limit is "
              + limits.maxOperandBits() + " bits (server setting max-operand-bits)");
    }
    return v;
  }

  static byte[] toFixedWidth(BigInteger v, int width) {
    byte[] raw = v.toByteArray();
    byte[] out = new byte[width];
    int copy = Math.min(raw.length, width);
    System.arraycopy(raw, raw.length - copy, out, width - copy, copy);
    return out;
  }
}
