package dev.gpucc.client.cli;

import dev.gpucc.attestation.Verdict;
import dev.gpucc.client.GpuccClientException;
import dev.gpucc.proto.v1.ExecutorInfo;
import dev.gpucc.proto.v1.ExecutorKind;
import dev.gpucc.proto.v1.JobSpec;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * `gpucc submit` against a server: attest first (nothing is sent to a server that fails the
 * policy), submit with progress shown, verify the receipt, and return only accepted outputs.
 */
final class AttestedJobRunner implements JobRunner {
  private final TargetOptions target;
  private final Path receiptFile;
  private final PrintWriter err;

  AttestedJobRunner(TargetOptions target, Path receiptFile, PrintWriter err) {
    this.target = target;
    this.receiptFile = receiptFile;
    this.err = err;
  }

  @Override
  public JobRunner.JobOutcome run(JobSpec spec, List<byte[]> inputs) throws Exception {
    try (ClientConnection c = ClientConnection.open(target)) {
      ProgressDisplay progress = ProgressDisplay.forStderr(err);
      dev.gpucc.client.JobOutcome o;
      try {
        c.client.attest();
        o = c.client.submit(spec, inputs, progress);
      } catch (GpuccClientException e) {
        progress.finish();
        if (e.verdict().isPresent()) {
          VerdictPrinter.print(e.verdict().get(), false, err);
        }
        throw Failures.of(e);
      }
      progress.finish();
      if (receiptFile != null) {
        ReceiptFiles.write(receiptFile, o.receipt());
      }
      return new JobRunner.JobOutcome(o.outputs(), executor(o.verdict()), notes(o.verdict()));
    }
  }

  private static List<String> notes(Verdict v) {
    List<String> notes = new ArrayList<>();
    notes.add("verdict: ACCEPTED" + (v.simulated() ? " (SIMULATED evidence: no hardware protection)" : "")
        + ", job " + v.claims().get("job.id") + ", " + v.claims().get("job.kernel"));
    return notes;
  }

  private static ExecutorInfo executor(Verdict v) {
    String ran = String.valueOf(v.claims().getOrDefault("job.executor", "CPU"));
    return ExecutorInfo.newBuilder()
        .setKind(ran.startsWith("GPU") ? ExecutorKind.EXECUTOR_KIND_CUDA : ExecutorKind.EXECUTOR_KIND_CPU)
        .setDevice(ran.replaceFirst("^(GPU \\(CUDA\\)|CPU) ", ""))
        .build();
  }
}
