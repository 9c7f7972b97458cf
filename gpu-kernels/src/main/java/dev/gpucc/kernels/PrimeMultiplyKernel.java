package dev.gpucc.kernels;

import dev.gpucc.proto.v1.JobSpec;
import dev.gpucc.proto.v1.OperandEncoding;
import dev.gpucc.proto.v1.PrimeMultiplyParams;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * prime-multiply: exact products of non-negative integers (the flagship demo multiplies two large
 * primes). Inputs [a, b]; output [products] in the inputs' encoding.
 *
 * <ul>
 *   <li>BIG_ENDIAN, operand_bytes = 0: one pair, each input one whole operand; the product is
 *       len(a) + len(b) bytes.
 *   <li>BIG_ENDIAN, operand_bytes = w: pair_count pairs, each input pair_count fixed-width w-byte
 *       operands back to back; the output holds pair_count products of 2w bytes each.
 *   <li>DECIMAL: one pair of ASCII decimal numbers; the output is the decimal product.
 * </ul>
 */
public final class PrimeMultiplyKernel extends PtxKernel {
  public static final String NAME = "prime-multiply";
  static final String PTX_FILE = "prime_multiply.ptx";
  public static final String ENTRY = "pm_batch_mul";

  public PrimeMultiplyKernel() {
    super(NAME, "1.1.0", "exact products of large non-negative integers (a * b), batched", PTX_FILE);
  }

  /**
   * Parsed operands of one job.
   *
   * @param productBytes width of each product in BIG_ENDIAN output (unused for DECIMAL)
   */
  public record Operands(
      OperandEncoding encoding, BigInteger[] a, BigInteger[] b, int productBytes) {
    public int pairs() {
      return a.length;
    }
  }

  @Override
  public void validate(JobSpec spec, List<byte[]> inputs, KernelLimits limits)
      throws KernelInputException {
    parse(spec, inputs, limits);
  }

  @Override
  List<byte[]> compute(JobSpec spec, List<byte[]> inputs) throws KernelInputException {
    Operands ops = parse(spec, inputs, new KernelLimits(Integer.MAX_VALUE, Integer.MAX_VALUE,
        Long.MAX_VALUE, Long.MAX_VALUE));
    BigInteger[] products = new BigInteger[ops.pairs()];
    for (int i = 0; i < products.length; i++) {
      products[i] = ops.a()[i].multiply(ops.b()[i]);
    }
    return encode(ops, products);
  }

  /** The output buffer for the products of {@code ops}, in the job's encoding. */
  public static List<byte[]> encode(Operands ops, BigInteger[] products) {
    if (ops.encoding() == OperandEncoding.OPERAND_ENCODING_DECIMAL) {
      return List.of(products[0].toString().getBytes(StandardCharsets.US_ASCII));
    }
    int w = ops.productBytes();
    byte[] out = new byte[products.length * w];
    for (int i = 0; i < products.length; i++) {
      putFixedWidth(products[i], out, i * w, w);
    }
    return List.of(out);
  }

  /**
   * Checks the job against the kernel's rules and limits and parses the operands.
   *
   * @throws KernelInputException naming the parameter, the value and the limit
   */
  public static Operands parse(JobSpec spec, List<byte[]> inputs, KernelLimits limits)
      throws KernelInputException {
    if (spec.getParamsCase() != JobSpec.ParamsCase.PRIME_MULTIPLY
        && spec.getParamsCase() != JobSpec.ParamsCase.PARAMS_NOT_SET) {
      throw new KernelInputException("prime-multiply takes prime_multiply params, got " + spec.getParamsCase());
    }
    if (inputs.size() != 2) {
      throw new KernelInputException("prime-multiply takes 2 inputs (a, b), got " + inputs.size());
    }
    PrimeMultiplyParams p = spec.getPrimeMultiply();
    OperandEncoding enc = p.getEncoding() == OperandEncoding.OPERAND_ENCODING_UNSPECIFIED
        ? OperandEncoding.OPERAND_ENCODING_BIG_ENDIAN
        : p.getEncoding();
    long pairs = p.getPairCount() == 0 ? 1 : Integer.toUnsignedLong(p.getPairCount());
    long width = Integer.toUnsignedLong(p.getOperandBytes());
    if (pairs > limits.maxBatchPairs()) {
      throw new KernelInputException("prime-multiply: pair_count is " + pairs + "; the limit is "
          + limits.maxBatchPairs() + " pairs (server setting max-batch-pairs)");
    }
    long in = (long) inputs.get(0).length + inputs.get(1).length;
    if (in > limits.maxInputBytes()) {
      throw new KernelInputException("prime-multiply: inputs total " + in + " bytes; the limit is "
          + limits.maxInputBytes() + " bytes (server setting max-input-bytes)");
    }
    if (enc == OperandEncoding.OPERAND_ENCODING_DECIMAL) {
      if (pairs != 1 || width != 0) {
        throw new KernelInputException("prime-multiply: DECIMAL operands come one per input; "
            + "pair_count must be 0 or 1 and operand_bytes 0 (got " + pairs + " and " + width + ")");
      }
      return new Operands(enc, new BigInteger[] {decimal("a", inputs.get(0), limits)},
          new BigInteger[] {decimal("b", inputs.get(1), limits)}, 0);
    }
    if (enc != OperandEncoding.OPERAND_ENCODING_BIG_ENDIAN) {
      throw new KernelInputException("prime-multiply: unknown operand encoding " + enc);
    }
    if (width == 0) {
      if (pairs != 1) {
        throw new KernelInputException(
            "prime-multiply: operand_bytes is required when pair_count > 1 (got pair_count " + pairs + ")");
      }
      BigInteger a = bigEndian("a", inputs.get(0), 0, inputs.get(0).length, limits);
      BigInteger b = bigEndian("b", inputs.get(1), 0, inputs.get(1).length, limits);
      long outBytes = in;
      checkOutput(outBytes, limits);
      return new Operands(enc, new BigInteger[] {a}, new BigInteger[] {b}, (int) outBytes);
    }
    if (width * 8 > limits.maxOperandBits()) {
      throw new KernelInputException("prime-multiply: operand_bytes is " + width + " (" + width * 8
          + " bits); the limit is " + limits.maxOperandBits() + " bits (server setting max-operand-bits)");
    }
    for (int i = 0; i < 2; i++) {
      if (inputs.get(i).length != pairs * width) {
        throw new KernelInputException("prime-multiply: input " + (i == 0 ? "a" : "b") + " has "
            + inputs.get(i).length + " bytes; " + pairs + " operands of " + width + " bytes take "
            + pairs * width);
      }
    }
    checkOutput(pairs * 2 * width, limits);
    int n = (int) pairs;
    int w = (int) width;
    BigInteger[] a = new BigInteger[n];
    BigInteger[] b = new BigInteger[n];
    for (int i = 0; i < n; i++) {
      a[i] = new BigInteger(1, inputs.get(0), i * w, w);
      b[i] = new BigInteger(1, inputs.get(1), i * w, w);
    }
    return new Operands(enc, a, b, 2 * w);
  }

  private static void checkOutput(long bytes, KernelLimits limits) throws KernelInputException {
    if (bytes > limits.maxOutputBytes()) {
      throw new KernelInputException("prime-multiply: output would be " + bytes + " bytes; the limit is "
          + limits.maxOutputBytes() + " bytes (server setting max-output-bytes)");
    }
  }

  private static BigInteger bigEndian(String name, byte[] data, int off, int len, KernelLimits limits)
      throws KernelInputException {
    if (len == 0) {
      throw new KernelInputException("operand " + name + " is empty");
    }
    BigInteger v = new BigInteger(1, data, off, len);
    checkBits(name, v, limits);
    return v;
  }

  private static BigInteger decimal(String name, byte[] data, KernelLimits limits)
      throws KernelInputException {
    if (data.length == 0) {
      throw new KernelInputException("operand " + name + " is empty");
    }
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
    BigInteger v = new BigInteger(new String(data, StandardCharsets.US_ASCII));
    checkBits(name, v, limits);
    return v;
  }

  private static void checkBits(String name, BigInteger v, KernelLimits limits)
      throws KernelInputException {
    if (v.bitLength() > limits.maxOperandBits()) {
      throw new KernelInputException(
          "operand " + name + " has " + v.bitLength() + " bits; the limit is "
              + limits.maxOperandBits() + " bits (server setting max-operand-bits)");
    }
  }

  static byte[] toFixedWidth(BigInteger v, int width) {
    byte[] out = new byte[width];
    putFixedWidth(v, out, 0, width);
    return out;
  }

  private static void putFixedWidth(BigInteger v, byte[] out, int off, int width) {
    byte[] raw = v.toByteArray();
    int copy = Math.min(raw.length, width);
    System.arraycopy(raw, raw.length - copy, out, off + width - copy, copy);
  }
}
