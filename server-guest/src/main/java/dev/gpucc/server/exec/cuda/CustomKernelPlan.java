package dev.gpucc.server.exec.cuda;

import dev.gpucc.kernels.KernelInputException;
import dev.gpucc.kernels.KernelLimits;
import dev.gpucc.proto.v1.CustomKernelParams;
import dev.gpucc.proto.v1.Dim3;
import dev.gpucc.proto.v1.KernelArg;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;

/**
 * A custom PTX job checked and laid out for launch, without touching the device: the kernel
 * parameters in order (device buffers for inputs and outputs, scalars by value), the device bytes
 * it needs, and the outputs in the order of their args (job.proto, KernelArg).
 */
public final class CustomKernelPlan {
  /** One kernel parameter. */
  public sealed interface Param permits InputBuffer, OutputBuffer, Scalar {}

  /** Device copy of {@code inputs[index]}. */
  public record InputBuffer(int index) implements Param {}

  /** Zero-filled device buffer returned as output number {@code output}. */
  public record OutputBuffer(int output, long bytes) implements Param {}

  /** A value passed by value: Integer, Long, Float or Double (its C size and bits). */
  public record Scalar(Object value) implements Param {}

  private final byte[] ptx;
  private final String entry;
  private final int[] grid;
  private final int[] block;
  private final int sharedBytes;
  private final List<Param> params;
  private final List<Integer> usedInputs;
  private final long deviceBytes;

  private CustomKernelPlan(byte[] ptx, String entry, int[] grid, int[] block, int sharedBytes,
      List<Param> params, List<Integer> usedInputs, long deviceBytes) {
    this.ptx = ptx;
    this.entry = entry;
    this.grid = grid;
    this.block = block;
    this.sharedBytes = sharedBytes;
    this.params = List.copyOf(params);
    this.usedInputs = List.copyOf(usedInputs);
    this.deviceBytes = deviceBytes;
  }

  /**
   * Checks the job and lays it out.
   *
   * @throws KernelInputException naming the field, its value and the rule or limit
   */
  public static CustomKernelPlan of(CustomKernelParams p, List<byte[]> inputs, KernelLimits limits,
      DeviceLimits device) throws KernelInputException {
    if (p.getPtx().isEmpty()) {
      throw new KernelInputException("custom: ptx is empty");
    }
    if (p.getPtx().byteAt(p.getPtx().size() - 1) == 0 || p.getPtx().toStringUtf8().indexOf('\0') >= 0) {
      throw new KernelInputException("custom: ptx must be text without NUL bytes");
    }
    if (p.getEntry().isEmpty()) {
      throw new KernelInputException("custom: entry (the kernel's .entry name) is empty");
    }
    int[] grid = dims("grid", p.getGrid(), device.maxGridX(), device.maxGridY(), device.maxGridZ());
    int[] block = dims("block", p.getBlock(), device.maxBlockX(), device.maxBlockY(), device.maxBlockZ());
    long threads = (long) block[0] * block[1] * block[2];
    if (threads > device.maxThreadsPerBlock()) {
      throw new KernelInputException("custom: block has " + threads + " threads; the device allows "
          + device.maxThreadsPerBlock() + " per block");
    }
    long shared = Integer.toUnsignedLong(p.getSharedMemoryBytes());
    if (shared > device.maxSharedBytesOptIn()) {
      throw new KernelInputException("custom: shared_memory_bytes is " + shared + "; the device allows "
          + device.maxSharedBytesOptIn() + " per block");
    }
    List<Param> params = new ArrayList<>();
    TreeSet<Integer> used = new TreeSet<>();
    long inBytes = 0;
    long outBytes = 0;
    int outputs = 0;
    for (int i = 0; i < p.getArgsCount(); i++) {
      KernelArg a = p.getArgs(i);
      switch (a.getArgCase()) {
        case INPUT_INDEX -> {
          long idx = Integer.toUnsignedLong(a.getInputIndex());
          if (idx >= inputs.size()) {
            throw new KernelInputException("custom: args[" + i + "] refers to input " + idx + ", but the job has "
                + inputs.size() + " input" + (inputs.size() == 1 ? "" : "s"));
          }
          if (used.add((int) idx)) {
            inBytes += Math.max(1, inputs.get((int) idx).length);
          }
          params.add(new InputBuffer((int) idx));
        }
        case OUTPUT_BYTES -> {
          long n = a.getOutputBytes();
          if (n <= 0 || n > limits.maxOutputBytes() - outBytes) {
            throw new KernelInputException("custom: args[" + i + "] asks for an output of "
                + Long.toUnsignedString(n) + " bytes; outputs must be 1 byte or more and total at most "
                + limits.maxOutputBytes() + " bytes (server setting max-output-bytes)");
          }
          outBytes += n;
          params.add(new OutputBuffer(outputs++, n));
        }
        case I32 -> params.add(new Scalar(a.getI32()));
        case U32 -> params.add(new Scalar(a.getU32()));
        case I64 -> params.add(new Scalar(a.getI64()));
        case U64 -> params.add(new Scalar(a.getU64()));
        case F32 -> params.add(new Scalar(a.getF32()));
        case F64 -> params.add(new Scalar(a.getF64()));
        default -> throw new KernelInputException("custom: args[" + i + "] has no value");
      }
    }
    if (outputs == 0) {
      throw new KernelInputException("custom: no output buffer among the args (add an output_bytes arg)");
    }
    long totalIn = inputs.stream().mapToLong(b -> b.length).sum();
    if (totalIn > limits.maxInputBytes()) {
      throw new KernelInputException("custom: inputs total " + totalIn + " bytes; the limit is "
          + limits.maxInputBytes() + " bytes (server setting max-input-bytes)");
    }
    byte[] ptx = new byte[p.getPtx().size() + 1]; // cuModuleLoadData wants NUL-terminated text
    p.getPtx().copyTo(ptx, 0);
    return new CustomKernelPlan(ptx, p.getEntry(), grid, block, (int) shared, params,
        new ArrayList<>(used), inBytes + outBytes);
  }

  private static int[] dims(String what, Dim3 d, int maxX, int maxY, int maxZ)
      throws KernelInputException {
    long[] v = {Integer.toUnsignedLong(d.getX()), Integer.toUnsignedLong(d.getY()),
        Integer.toUnsignedLong(d.getZ())};
    long[] max = {maxX, maxY, maxZ};
    String[] axis = {"x", "y", "z"};
    int[] out = new int[3];
    for (int i = 0; i < 3; i++) {
      if (v[i] == 0 || v[i] > max[i]) {
        throw new KernelInputException("custom: " + what + "." + axis[i] + " is " + v[i]
            + "; it must be 1.." + max[i] + " (set all of x, y and z)");
      }
      out[i] = (int) v[i];
    }
    return out;
  }

  /** PTX text with a terminating NUL, as cuModuleLoadData expects. */
  public byte[] ptxForLoad() {
    return ptx.clone();
  }

  public String entry() {
    return entry;
  }

  public int[] grid() {
    return grid.clone();
  }

  public int[] block() {
    return block.clone();
  }

  public int sharedBytes() {
    return sharedBytes;
  }

  public List<Param> params() {
    return params;
  }

  /** Input indexes that some arg refers to, ascending; each is copied to the device once. */
  public List<Integer> usedInputs() {
    return usedInputs;
  }

  /** Device memory the job allocates (inputs used + outputs). */
  public long deviceBytes() {
    return deviceBytes;
  }

  /** A one-line description for messages, e.g. "custom kernel 'scale' (grid 4x1x1, block 256x1x1)". */
  public String describe() {
    return "custom kernel '" + entry
        + "' (grid " + grid[0] + "x" + grid[1] + "x" + grid[2] + ", block " + block[0] + "x" + block[1]
        + "x" + block[2] + ")";
  }
}
