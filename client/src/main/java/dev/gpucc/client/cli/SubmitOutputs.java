package dev.gpucc.client.cli;

import dev.gpucc.attestation.Hex;
import dev.gpucc.kernels.LittleEndian;
import dev.gpucc.proto.v1.JobSpec;
import dev.gpucc.proto.v1.OperandEncoding;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.List;

/**
 * Shows a job's outputs: saved to files with --output-dir, else printed in a form fit for the
 * kernel (the decimal product, the sum, the digests, the first floats), each with its SHA-256.
 */
final class SubmitOutputs {
  static final int PREVIEW = 8;

  private SubmitOutputs() {}

  static void emit(JobSpec spec, List<byte[]> outputs, Path dir, PrintWriter out) throws UsageException {
    if (dir != null) {
      SubmitCommand.save(dir, outputs, out);
      return;
    }
    for (int i = 0; i < outputs.size(); i++) {
      byte[] o = outputs.get(i);
      out.println("output " + i + ": " + o.length + " bytes, sha256 " + Hex.encode(sha256(o)));
      out.println("  " + preview(spec, o));
    }
  }

  /**
   * --json: {"kernel", "executor", "notes", "outputs": [{"index", "bytes", "sha256", "hex" | "file"}]}.
   * Outputs are written in full (hex) unless saved to --output-dir.
   */
  static void emitJson(JobSpec spec, JobRunner.JobOutcome outcome, Path dir, PrintWriter out) throws UsageException {
    if (dir != null) {
      SubmitCommand.save(dir, outcome.outputs(), new PrintWriter(java.io.Writer.nullWriter()));
    }
    java.util.Map<String, Object> m = new java.util.LinkedHashMap<>();
    m.put("kernel", spec.getKernel());
    m.put("executor", outcome.executor().getKind() + " " + outcome.executor().getDevice());
    m.put("notes", outcome.notes());
    java.util.List<java.util.Map<String, Object>> outs = new java.util.ArrayList<>();
    for (int i = 0; i < outcome.outputs().size(); i++) {
      byte[] o = outcome.outputs().get(i);
      java.util.Map<String, Object> e = new java.util.LinkedHashMap<>();
      e.put("index", i);
      e.put("bytes", o.length);
      e.put("sha256", Hex.encode(sha256(o)));
      if (dir != null) {
        e.put("file", dir.resolve("output-" + i + ".bin").toString());
      } else {
        e.put("hex", Hex.encode(o));
      }
      outs.add(e);
    }
    m.put("outputs", outs);
    out.println(new com.google.gson.GsonBuilder().setPrettyPrinting().disableHtmlEscaping().create().toJson(m));
  }

  static String preview(JobSpec spec, byte[] o) {
    switch (spec.getKernel()) {
      case "prime-multiply" -> {
        if (spec.getPrimeMultiply().getEncoding() == OperandEncoding.OPERAND_ENCODING_DECIMAL) {
          return new String(o, StandardCharsets.US_ASCII);
        }
        return Hex.encode(o);
      }
      case "reduce-sum" -> {
        return o.length == 8 ? "sum = " + LittleEndian.doubles(o)[0] : Hex.encode(o);
      }
      case "sha256-batch" -> {
        StringBuilder b = new StringBuilder();
        for (int off = 0; off < o.length && off < 32 * PREVIEW; off += 32) {
          b.append(off == 0 ? "" : "\n  ").append(Hex.encode(Arrays.copyOfRange(o, off, Math.min(o.length, off + 32))));
        }
        return b + (o.length > 32 * PREVIEW ? "\n  ... (" + o.length / 32 + " digests)" : "");
      }
      case "vector-add", "saxpy", "sgemm" -> {
        float[] f = LittleEndian.floats(Arrays.copyOf(o, Math.min(o.length, 4 * PREVIEW) & ~3));
        return Arrays.toString(f) + (o.length > 4 * PREVIEW ? " ... (" + o.length / 4 + " floats)" : "");
      }
      default -> {
        return Hex.encode(Arrays.copyOf(o, Math.min(o.length, 64))) + (o.length > 64 ? " ..." : "");
      }
    }
  }

  private static byte[] sha256(byte[] b) {
    try {
      return MessageDigest.getInstance("SHA-256").digest(b);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
