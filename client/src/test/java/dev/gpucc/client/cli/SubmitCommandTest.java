package dev.gpucc.client.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gpucc.kernels.LittleEndian;
import dev.gpucc.proto.v1.ExecutorInfo;
import dev.gpucc.proto.v1.ExecutorKind;
import dev.gpucc.proto.v1.JobSpec;
import dev.gpucc.proto.v1.KernelArg;
import dev.gpucc.proto.v1.OperandEncoding;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

class SubmitCommandTest {
  @TempDir Path tmp;
  private final List<JobSpec> specs = new ArrayList<>();
  private final List<List<byte[]>> inputs = new ArrayList<>();
  private final StringWriter out = new StringWriter();
  private final StringWriter err = new StringWriter();

  /** A fake server: records the job and answers with one 8-byte output. */
  private final JobRunner fake = (spec, in) -> {
    specs.add(spec);
    inputs.add(in);
    return new JobRunner.JobOutcome(List.of(LittleEndian.bytes(new double[] {2.5})),
        ExecutorInfo.newBuilder().setKind(ExecutorKind.EXECUTOR_KIND_CUDA).setDevice("fake gpu").build(),
        List.of("verdict: accepted"));
  };

  private int run(String... args) {
    CommandLine cl = new CommandLine(new SubmitCommand(fake));
    cl.setOut(new PrintWriter(out, true));
    cl.setErr(new PrintWriter(err, true));
    cl.setExecutionExceptionHandler(new GpuccCli.ErrorHandler());
    cl.setParameterExceptionHandler((ex, a) -> ExitCodes.USAGE);
    return cl.execute(args);
  }

  private Path file(String name, byte[] data) throws Exception {
    Path p = tmp.resolve(name);
    Files.write(p, data);
    return p;
  }

  @Test
  void reduceSum_fromFile_printsSumAndExecutor() throws Exception {
    Path f = file("v.bin", LittleEndian.bytes(new double[] {1, 1.5}));
    assertThat(run("reduce-sum", "--input", f.toString(), "--executor", "cuda")).isZero();
    assertThat(specs.get(0).getKernel()).isEqualTo("reduce-sum");
    assertThat(specs.get(0).hasReduceSum()).isTrue();
    assertThat(specs.get(0).getExecutor()).isEqualTo(ExecutorKind.EXECUTOR_KIND_CUDA);
    assertThat(inputs.get(0).get(0)).hasSize(16);
    assertThat(out.toString()).contains("verdict: accepted", "executor: EXECUTOR_KIND_CUDA fake gpu", "sum = 2.5");
  }

  @Test
  void generate_primeMultiplyBatch_buildsParamsAndInputs() {
    assertThat(run("prime-multiply", "--generate", "--size", "256", "--count", "10", "--seed", "1")).isZero();
    JobSpec s = specs.get(0);
    assertThat(s.getPrimeMultiply().getPairCount()).isEqualTo(10);
    assertThat(s.getPrimeMultiply().getOperandBytes()).isEqualTo(256);
    assertThat(s.getPrimeMultiply().getEncoding()).isEqualTo(OperandEncoding.OPERAND_ENCODING_BIG_ENDIAN);
    assertThat(inputs.get(0)).hasSize(2).allSatisfy(b -> assertThat(b).hasSize(2560));
  }

  @Test
  void generate_isReproducibleWithSeed() {
    run("sgemm", "--generate", "--size", "5", "--seed", "9");
    run("sgemm", "--generate", "--size", "5", "--seed", "9");
    assertThat(specs.get(0)).isEqualTo(specs.get(1));
    assertThat(inputs.get(0).get(0)).isEqualTo(inputs.get(1).get(0));
    assertThat(specs.get(0).getSgemm().getM()).isEqualTo(5);
  }

  @Test
  void sha256_countFromInputLength_andSgemmNeedsShape() throws Exception {
    Path f = file("m.bin", new byte[300]);
    assertThat(run("sha256-batch", "--input", f.toString(), "--message-bytes", "100")).isZero();
    assertThat(specs.get(0).getSha256Batch().getMessageCount()).isEqualTo(3);
    assertThat(run("sgemm", "--input", f.toString())).isEqualTo(ExitCodes.USAGE);
    assertThat(err.toString()).contains("sgemm needs --m, --n and --k");
  }

  @Test
  void custom_buildsParamsAndArgsInOrder() throws Exception {
    Path ptx = file("k.ptx", ".version 9.0\n".getBytes(StandardCharsets.US_ASCII));
    Path in = file("in.bin", new byte[16]);
    assertThat(run("custom", "--ptx", ptx.toString(), "--entry", "scale", "--grid", "4", "--block", "128,2",
        "--shared-bytes", "512", "--input", in.toString(), "--arg", "in:0", "--arg", "out:64",
        "--arg", "f32:1.5", "--arg", "u64:18446744073709551615", "--arg", "i32:-3")).isZero();
    var c = specs.get(0).getCustom();
    assertThat(specs.get(0).getKernel()).isEqualTo("custom");
    assertThat(c.getEntry()).isEqualTo("scale");
    assertThat(c.getGrid().getX()).isEqualTo(4);
    assertThat(c.getGrid().getY()).isEqualTo(1);
    assertThat(c.getBlock().getY()).isEqualTo(2);
    assertThat(c.getSharedMemoryBytes()).isEqualTo(512);
    assertThat(c.getArgsList()).extracting(KernelArg::getArgCase).containsExactly(KernelArg.ArgCase.INPUT_INDEX,
        KernelArg.ArgCase.OUTPUT_BYTES, KernelArg.ArgCase.F32, KernelArg.ArgCase.U64, KernelArg.ArgCase.I32);
    assertThat(c.getArgs(3).getU64()).isEqualTo(-1L);
  }

  @Test
  void usageErrors_haveClearMessages() throws Exception {
    Path ptx = file("k.ptx", new byte[] {'x'});
    assertThat(run("custom", "--ptx", ptx.toString(), "--entry", "k", "--grid", "1", "--block", "1",
        "--arg", "bogus:1")).isEqualTo(ExitCodes.USAGE);
    assertThat(err.toString()).contains("--arg: unknown type 'bogus'");
    assertThat(run("custom", "--ptx", ptx.toString(), "--entry", "k", "--grid", "1,2,3,4", "--block", "1"))
        .isEqualTo(ExitCodes.USAGE);
    assertThat(err.toString()).contains("--grid: expected X[,Y[,Z]], got 1,2,3,4");
    assertThat(run("custom", "--generate")).isEqualTo(ExitCodes.USAGE);
    assertThat(err.toString()).contains("--generate works with catalog kernels");
    assertThat(run("nope", "--generate")).isEqualTo(ExitCodes.USAGE);
    assertThat(err.toString()).contains("unknown kernel 'nope'");
    assertThat(run("vector-add")).isEqualTo(ExitCodes.USAGE);
    assertThat(err.toString()).contains("vector-add needs inputs");
    assertThat(run("vector-add", "--input", tmp.resolve("missing").toString())).isEqualTo(ExitCodes.USAGE);
    assertThat(err.toString()).contains("--input: file not found");
    assertThat(specs).isEmpty();
  }

  @Test
  void localCpu_decimalPrimeMultiply_andOutputDir() throws Exception {
    Path a = file("a.txt", "340282366920938463463374607431768211507".getBytes(StandardCharsets.US_ASCII));
    Path b = file("b.txt", "1000000007".getBytes(StandardCharsets.US_ASCII));
    assertThat(run("prime-multiply", "--local-cpu", "--encoding", "decimal", "--input", a.toString(),
        "--input", b.toString())).isZero();
    String want = new BigInteger("340282366920938463463374607431768211507").multiply(BigInteger.valueOf(1000000007))
        .toString();
    assertThat(out.toString()).contains("no server, no attestation", want);
    Path dir = tmp.resolve("outs");
    assertThat(run("vector-add", "--local-cpu", "--generate", "--size", "3", "--output-dir", dir.toString()))
        .isZero();
    assertThat(Files.size(dir.resolve("output-0.bin"))).isEqualTo(12);
    assertThat(specs).isEmpty();
  }

  @Test
  void defaultRunner_needsATarget() {
    CommandLine cl = new CommandLine(new SubmitCommand());
    cl.setErr(new PrintWriter(err, true));
    cl.setExecutionExceptionHandler(new GpuccCli.ErrorHandler());
    assertThat(cl.execute("reduce-sum", "--generate", "--size", "4")).isEqualTo(ExitCodes.USAGE);
    assertThat(err.toString()).contains("--target HOST:PORT is required");
  }
}
