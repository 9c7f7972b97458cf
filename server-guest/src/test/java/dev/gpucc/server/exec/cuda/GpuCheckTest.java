package dev.gpucc.server.exec.cuda;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class GpuCheckTest {
  private static String run(int expectedExit, String... args) {
    ByteArrayOutputStream buf = new ByteArrayOutputStream();
    int rc = GpuCheck.run(args, new PrintStream(buf, true, StandardCharsets.UTF_8));
    String out = buf.toString(StandardCharsets.UTF_8);
    assertThat(rc).as(out).isEqualTo(expectedExit);
    return out;
  }

  @Test
  void cpuOnlyQuick_runsEveryKernel_andPrintsTheTable() {
    String out = run(0, "--cpu-only", "--quick", "--seed", "1");
    assertThat(out).contains("| kernel", "GPU ms (events)", "ALL CORRECT");
    for (String k : new String[] {"prime-multiply", "vector-add", "saxpy", "sgemm", "sha256-batch", "reduce-sum"}) {
      assertThat(out).contains("| " + k);
    }
  }

  @Test
  void badUsage() {
    assertThat(run(64, "--what")).contains("usage: GpuCheck");
  }

  @Test
  void faultPtx_assemblesForSm90_whenPtxasIsInstalled() throws Exception {
    java.nio.file.Path ptxas = java.nio.file.Path.of("/usr/local/bin/ptxas");
    org.junit.jupiter.api.Assumptions.assumeTrue(java.nio.file.Files.isExecutable(ptxas), "no ptxas here");
    java.nio.file.Path dir = java.nio.file.Files.createTempDirectory("ptx");
    java.nio.file.Path in = dir.resolve("faults.ptx");
    java.nio.file.Files.write(in, GpuCheck.faultPtx());
    Process p = new ProcessBuilder(ptxas.toString(), "-arch=sm_90", "-o", dir.resolve("f.cubin").toString(),
        in.toString()).redirectErrorStream(true).start();
    String log = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(p.waitFor()).as(log).isZero();
  }

  @Test
  void faultPtxIsPackaged() {
    assertThat(new String(GpuCheck.faultPtx(), StandardCharsets.UTF_8)).contains(".entry oob", ".entry spin");
  }
}
