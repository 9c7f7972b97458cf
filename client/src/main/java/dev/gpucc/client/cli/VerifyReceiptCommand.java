package dev.gpucc.client.cli;

import dev.gpucc.attestation.Digests;
import dev.gpucc.attestation.Hex;
import dev.gpucc.attestation.Verdict;
import dev.gpucc.attestation.transcript.JobExpectations;
import dev.gpucc.attestation.transcript.ReceiptVerifier;
import dev.gpucc.attestation.transcript.TranscriptDigests;
import dev.gpucc.proto.v1.Policy;
import dev.gpucc.proto.v1.SavedReceipt;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code gpucc verify receipt FILE}: re-verify a saved receipt offline, for audit. With --outputs,
 * the given files must be exactly the outputs the receipt attests.
 */
@Command(name = "receipt", description = "Verify a saved job receipt (offline), optionally against the output files.")
public final class VerifyReceiptCommand implements Callable<Integer> {
  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Parameters(index = "0", paramLabel = "FILE", description = "Receipt saved with --receipt.")
  Path file;

  @Option(names = "--policy", paramLabel = "FILE", description = "Policy (default: secure defaults).")
  Path policyFile;

  @Option(names = "--outputs", paramLabel = "FILE", arity = "1..*", description = "The job's output files, in order.")
  List<Path> outputs = new ArrayList<>();

  @Option(names = "--at", paramLabel = "INSTANT", description = "Verification instant (ISO-8601; default now).")
  String at;

  @Option(names = "--json", description = "Print the verdict as JSON.")
  boolean json;

  @Override
  public Integer call() throws Exception {
    SavedReceipt saved = ReceiptFiles.read(file);
    Policy policy = TargetOptions.loadPolicy(policyFile);
    byte[] outputDigest = saved.getOutputDigest().toByteArray();
    List<String> outputProblems = new ArrayList<>();
    if (!outputs.isEmpty()) {
      List<byte[]> data = new ArrayList<>();
      for (Path p : outputs) {
        data.add(CliSupport.readFile(p, "--outputs"));
      }
      byte[] actual = TranscriptDigests.outputDigest(data);
      if (!Digests.equal(actual, outputDigest)) {
        outputProblems.add("the output files' digest " + Hex.encode(actual) + " is not the attested output digest "
            + Hex.encode(outputDigest));
      }
    }
    JobExpectations expected = new JobExpectations(
        saved.getClientNonce().toByteArray(),
        saved.getJobSpec().toByteArray(),
        saved.getInputDigest().toByteArray(),
        outputDigest,
        Optional.empty(),
        Optional.of(saved.getObservedTlsPublicKeySha256().toByteArray()),
        Optional.empty(),
        saved.getSessionClientNonce().isEmpty() ? Optional.empty() : Optional.of(saved.getSessionClientNonce().toByteArray()));
    Verdict v = new ReceiptVerifier(CliSupport.verifyOptions(policy, at), policy).verify(saved.getReceipt(), expected);
    if (!outputProblems.isEmpty()) {
      Verdict.Builder b = Verdict.builder().rejectAll(v.reasons()).simulated(v.simulated());
      v.claims().forEach(b::claim);
      v.warnings().forEach(w -> b.warn(w.code(), w.message()));
      outputProblems.forEach(m -> b.reject("RECEIPT_OUTPUT_MISMATCH", m));
      v = b.build();
    }
    return VerdictPrinter.print(v, json, spec.commandLine().getOut());
  }
}
