package dev.gpucc.client.cli;

import com.google.protobuf.ByteString;
import dev.gpucc.proto.v1.CustomKernelParams;
import dev.gpucc.proto.v1.Dim3;
import dev.gpucc.proto.v1.JobSpec;
import dev.gpucc.proto.v1.KernelArg;
import dev.gpucc.proto.v1.OperandEncoding;
import dev.gpucc.proto.v1.PrimeMultiplyParams;
import dev.gpucc.proto.v1.ReduceSumParams;
import dev.gpucc.proto.v1.SaxpyParams;
import dev.gpucc.proto.v1.SgemmParams;
import dev.gpucc.proto.v1.Sha256BatchParams;
import dev.gpucc.proto.v1.VectorAddParams;
import java.util.List;

/** Builds the JobSpec params of each kernel from `gpucc submit` flags, and parses custom args. */
final class SubmitSpecs {
  private SubmitSpecs() {}

  /** The flags that become params (null = not given). */
  record Flags(String encoding, Integer pairs, Integer operandBytes, Float alpha, Float beta,
      Integer m, Integer n, Integer k, Integer messageBytes, Integer messageCount) {}

  static JobSpec.Builder catalog(String kernel, Flags f, List<byte[]> inputs) throws UsageException {
    JobSpec.Builder b = JobSpec.newBuilder().setKernel(kernel);
    switch (kernel) {
      case "prime-multiply" -> {
        PrimeMultiplyParams.Builder p = PrimeMultiplyParams.newBuilder().setEncoding(encoding(f.encoding()));
        if (f.pairs() != null) {
          p.setPairCount(f.pairs());
        }
        if (f.operandBytes() != null) {
          p.setOperandBytes(f.operandBytes());
        }
        b.setPrimeMultiply(p);
      }
      case "vector-add" -> b.setVectorAdd(VectorAddParams.getDefaultInstance());
      case "saxpy" -> b.setSaxpy(SaxpyParams.newBuilder().setAlpha(f.alpha() == null ? 1f : f.alpha()));
      case "sgemm" -> {
        if (f.m() == null || f.n() == null || f.k() == null) {
          throw new UsageException("sgemm needs --m, --n and --k (A is MxK, B KxN, C MxN)");
        }
        b.setSgemm(SgemmParams.newBuilder().setM(f.m()).setN(f.n()).setK(f.k())
            .setAlpha(f.alpha() == null ? 1f : f.alpha()).setBeta(f.beta() == null ? 0f : f.beta()));
      }
      case "sha256-batch" -> {
        if (f.messageBytes() == null) {
          throw new UsageException("sha256-batch needs --message-bytes (every message has that length)");
        }
        int len = f.messageBytes();
        int count = f.messageCount() != null ? f.messageCount()
            : inputs.isEmpty() || len == 0 ? 1 : inputs.get(0).length / len;
        b.setSha256Batch(Sha256BatchParams.newBuilder().setMessageBytes(len).setMessageCount(count));
      }
      case "reduce-sum" -> b.setReduceSum(ReduceSumParams.getDefaultInstance());
      default -> throw new UsageException("unknown kernel '" + kernel
          + "'; catalog: prime-multiply, vector-add, saxpy, sgemm, sha256-batch, reduce-sum, or custom");
    }
    return b;
  }

  static OperandEncoding encoding(String text) throws UsageException {
    if (text == null || text.equals("big-endian")) {
      return OperandEncoding.OPERAND_ENCODING_BIG_ENDIAN;
    }
    if (text.equals("decimal")) {
      return OperandEncoding.OPERAND_ENCODING_DECIMAL;
    }
    throw new UsageException("--encoding: expected big-endian or decimal, got " + text);
  }

  static JobSpec.Builder custom(byte[] ptx, String entry, String grid, String block, int sharedBytes,
      List<String> args) throws UsageException {
    if (entry == null) {
      throw new UsageException("custom needs --entry (the kernel's .entry name)");
    }
    CustomKernelParams.Builder p = CustomKernelParams.newBuilder().setPtx(ByteString.copyFrom(ptx))
        .setEntry(entry).setGrid(dim3(grid, "--grid")).setBlock(dim3(block, "--block"))
        .setSharedMemoryBytes(sharedBytes);
    for (String a : args) {
      p.addArgs(arg(a));
    }
    return JobSpec.newBuilder().setKernel("custom").setCustom(p);
  }

  /** "X", "X,Y" or "X,Y,Z"; missing dimensions are 1. */
  static Dim3 dim3(String text, String flag) throws UsageException {
    if (text == null) {
      throw new UsageException("custom needs " + flag + " X[,Y[,Z]]");
    }
    String[] parts = text.split(",", -1);
    if (parts.length > 3) {
      throw new UsageException(flag + ": expected X[,Y[,Z]], got " + text);
    }
    int[] v = {1, 1, 1};
    for (int i = 0; i < parts.length; i++) {
      try {
        v[i] = Integer.parseUnsignedInt(parts[i].trim());
      } catch (NumberFormatException e) {
        throw new UsageException(flag + ": not a number: '" + parts[i] + "' in " + text);
      }
    }
    return Dim3.newBuilder().setX(v[0]).setY(v[1]).setZ(v[2]).build();
  }

  /** in:INDEX, out:BYTES, i32:V, u32:V, i64:V, u64:V, f32:V, f64:V. */
  static KernelArg arg(String text) throws UsageException {
    int colon = text.indexOf(':');
    if (colon < 0) {
      throw new UsageException("--arg: expected TYPE:VALUE (in, out, i32, u32, i64, u64, f32, f64), got " + text);
    }
    String type = text.substring(0, colon);
    String v = text.substring(colon + 1);
    KernelArg.Builder a = KernelArg.newBuilder();
    try {
      switch (type) {
        case "in" -> a.setInputIndex(Integer.parseUnsignedInt(v));
        case "out" -> a.setOutputBytes(Long.parseUnsignedLong(v));
        case "i32" -> a.setI32(Integer.parseInt(v));
        case "u32" -> a.setU32(Integer.parseUnsignedInt(v));
        case "i64" -> a.setI64(Long.parseLong(v));
        case "u64" -> a.setU64(Long.parseUnsignedLong(v));
        case "f32" -> a.setF32(Float.parseFloat(v));
        case "f64" -> a.setF64(Double.parseDouble(v));
        default -> throw new UsageException("--arg: unknown type '" + type
            + "' (in, out, i32, u32, i64, u64, f32, f64)");
      }
    } catch (NumberFormatException e) {
      throw new UsageException("--arg: bad " + type + " value '" + v + "'");
    }
    return a.build();
  }
}
