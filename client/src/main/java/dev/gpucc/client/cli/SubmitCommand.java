package dev.gpucc.client.cli;

import dev.gpucc.kernels.SampleJobs;
import dev.gpucc.proto.v1.ExecutorKind;
import dev.gpucc.proto.v1.JobSpec;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * `gpucc submit KERNEL`: runs a catalog kernel or a custom PTX kernel with inputs from files or
 * generated, and prints or saves the outputs. The network part is a {@link JobRunner}.
 */
@Command(name = "submit", mixinStandardHelpOptions = true,
    description = {"Run a catalog kernel (prime-multiply, vector-add, saxpy, sgemm, sha256-batch, "
        + "reduce-sum) or a custom PTX kernel (custom) and print or save its outputs.",
        "Inputs come from files (--input, in order) or are generated (--generate --size/--count/--seed)."})
public final class SubmitCommand implements Callable<Integer> {
  @Spec picocli.CommandLine.Model.CommandSpec spec;

  @Parameters(index = "0", paramLabel = "KERNEL", description = "catalog kernel name, or custom")
  String kernel;

  @Option(names = "--input", paramLabel = "FILE", description = "input buffer from a file (repeat, in order)")
  List<Path> inputFiles = new ArrayList<>();

  @Option(names = "--generate", description = "generate random inputs for a catalog kernel")
  boolean generate;

  @Option(names = "--size", description = "with --generate: operand bytes (prime-multiply), elements "
      + "(vector-add, saxpy, reduce-sum), M=N=K (sgemm), message bytes (sha256-batch); default ${DEFAULT-VALUE}",
      defaultValue = "1024")
  int size;

  @Option(names = "--count", description = "with --generate: pairs (prime-multiply) or messages "
      + "(sha256-batch); default ${DEFAULT-VALUE}", defaultValue = "1")
  int count;

  @Option(names = "--seed", description = "with --generate: random seed (default: random)")
  Long seed;

  @Option(names = "--encoding", description = "prime-multiply operands: big-endian or decimal")
  String encoding;

  @Option(names = "--pairs", description = "prime-multiply: pair count") Integer pairs;
  @Option(names = "--operand-bytes", description = "prime-multiply: fixed operand width") Integer operandBytes;
  @Option(names = "--alpha", description = "saxpy, sgemm: alpha") Float alpha;
  @Option(names = "--beta", description = "sgemm: beta") Float beta;
  @Option(names = "--m", description = "sgemm: rows of A and C") Integer m;
  @Option(names = "--n", description = "sgemm: columns of B and C") Integer n;
  @Option(names = "--k", description = "sgemm: columns of A, rows of B") Integer k;
  @Option(names = "--message-bytes", description = "sha256-batch: bytes per message") Integer messageBytes;
  @Option(names = "--message-count", description = "sha256-batch: messages (default: input size / bytes)")
  Integer messageCount;

  @Option(names = "--ptx", paramLabel = "FILE", description = "custom: the PTX module") Path ptx;
  @Option(names = "--entry", description = "custom: the kernel's .entry name") String entry;
  @Option(names = "--grid", description = "custom: X[,Y[,Z]]") String grid;
  @Option(names = "--block", description = "custom: X[,Y[,Z]]") String block;
  @Option(names = "--shared-bytes", description = "custom: dynamic shared memory", defaultValue = "0")
  int sharedBytes;
  @Option(names = "--arg", paramLabel = "TYPE:VALUE", description = "custom: kernel argument, in order: "
      + "in:INPUT_INDEX, out:BYTES, i32:, u32:, i64:, u64:, f32:, f64:")
  List<String> args = new ArrayList<>();

  @Option(names = "--executor", description = "any (default), cpu or cuda", defaultValue = "any")
  String executor;

  @Option(names = "--output-dir", paramLabel = "DIR", description = "save outputs as DIR/output-N.bin")
  Path outputDir;

  @Option(names = "--local-cpu", description = "run a catalog kernel in this process on its CPU "
      + "reference (no server, no GPU, no attestation)")
  boolean localCpu;

  @Option(names = "--verbose", description = "stack traces on errors") boolean verbose;

  @picocli.CommandLine.Mixin TargetOptions target = new TargetOptions();

  @Option(names = "--json", description = "print the outcome and outputs as JSON") boolean json;

  @Option(names = "--receipt", paramLabel = "FILE", description = "save the verified receipt (gpucc verify receipt)")
  Path receiptFile;

  private final JobRunner runner;

  /** For picocli: attests --target, submits, verifies the receipt (AttestedJobRunner). */
  public SubmitCommand() {
    this.runner = (spec, inputs) ->
        new AttestedJobRunner(target, receiptFile, this.spec.commandLine().getErr()).run(spec, inputs);
  }

  public SubmitCommand(JobRunner runner) {
    this.runner = runner;
  }

  @Override
  public Integer call() throws Exception {
    List<byte[]> inputs = new ArrayList<>();
    JobSpec.Builder job = build(inputs);
    job.setExecutor(executorKind());
    JobSpec built = job.build();
    JobRunner r = localCpu ? new LocalCpuJobRunner() : runner;
    JobRunner.JobOutcome outcome = r.run(built, inputs);
    PrintWriter out = spec.commandLine().getOut();
    if (json) {
      SubmitOutputs.emitJson(built, outcome, outputDir, out);
      out.flush();
      return ExitCodes.OK;
    }
    outcome.notes().forEach(out::println);
    out.println("executor: " + outcome.executor().getKind() + " " + outcome.executor().getDevice());
    SubmitOutputs.emit(built, outcome.outputs(), outputDir, out);
    return ExitCodes.OK;
  }

  JobSpec.Builder build(List<byte[]> inputs) throws UsageException {
    if (generate && !inputFiles.isEmpty()) {
      throw new UsageException("give either --input files or --generate, not both");
    }
    if (kernel.equals("custom")) {
      if (generate) {
        throw new UsageException("--generate works with catalog kernels; give custom kernels --input files");
      }
      if (ptx == null) {
        throw new UsageException("custom needs --ptx FILE");
      }
      readInputs(inputs);
      return SubmitSpecs.custom(CliSupport.readFile(ptx, "--ptx"), entry, grid, block, sharedBytes, args);
    }
    if (generate) {
      if (size < 0 || count < 1) {
        throw new UsageException("--size must be >= 0 and --count >= 1");
      }
      SampleJobs.Sample s;
      try {
        s = SampleJobs.generate(kernel, size, count, new Random(seed != null ? seed : System.nanoTime()));
      } catch (IllegalArgumentException e) {
        SubmitSpecs.catalog(kernel, flags(), inputs); // unknown kernel: the same message as with --input
        throw new UsageException(e.getMessage());
      }
      inputs.addAll(s.inputs());
      return s.spec().toBuilder();
    }
    if (inputFiles.isEmpty()) {
      throw new UsageException(kernel + " needs inputs: --input FILE (repeat, in order) or --generate");
    }
    readInputs(inputs);
    return SubmitSpecs.catalog(kernel, flags(), inputs);
  }

  private SubmitSpecs.Flags flags() {
    return new SubmitSpecs.Flags(encoding, pairs, operandBytes, alpha, beta, m, n, k, messageBytes, messageCount);
  }

  private void readInputs(List<byte[]> inputs) throws UsageException {
    for (Path p : inputFiles) {
      inputs.add(CliSupport.readFile(p, "--input"));
    }
  }

  private ExecutorKind executorKind() throws UsageException {
    return switch (executor) {
      case "any" -> ExecutorKind.EXECUTOR_KIND_UNSPECIFIED;
      case "cpu" -> ExecutorKind.EXECUTOR_KIND_CPU;
      case "cuda" -> ExecutorKind.EXECUTOR_KIND_CUDA;
      default -> throw new UsageException("--executor: expected any, cpu or cuda, got " + executor);
    };
  }

  /** Writes DIR/output-N.bin; used by {@link SubmitOutputs}. */
  static void save(Path dir, List<byte[]> outputs, PrintWriter out) throws UsageException {
    try {
      Files.createDirectories(dir);
      for (int i = 0; i < outputs.size(); i++) {
        Path f = dir.resolve("output-" + i + ".bin");
        Files.write(f, outputs.get(i));
        out.println("output " + i + ": " + outputs.get(i).length + " bytes -> " + f);
      }
    } catch (IOException e) {
      throw new UsageException("--output-dir: cannot write to " + dir + ": " + e.getMessage());
    }
  }
}
