package dev.gpucc.client.cli;

import com.google.protobuf.ByteString;
import dev.gpucc.attestation.EvidenceFiles;
import dev.gpucc.attestation.EvidenceFormatException;
import dev.gpucc.attestation.Verdict;
import dev.gpucc.attestation.VerifyOptions;
import dev.gpucc.attestation.tdx.TdxEvidenceVerifier;
import dev.gpucc.attestation.tdx.collateral.CollateralInputs;
import dev.gpucc.proto.v1.Policy;
import dev.gpucc.proto.v1.TdxCollateral;
import dev.gpucc.proto.v1.TdxEvidence;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code gpucc verify tdx}: verifies a raw Intel TDX quote (v4/v5), optionally with Intel
 * collateral, against the "tdx" section of a policy (docs/TDX.md). Exit 0 accepted, 1 rejected
 * (including malformed quote or collateral), 2 usage error; --json prints the shared verdict
 * JSON.
 *
 * <p>--collateral files are detected by content: Phala combined collateral JSON, PCS TCB info /
 * QE identity bodies, PEM issuer chains (TCB Signing / PCK CA) and DER or PEM CRLs.
 */
@Command(
    name = "tdx",
    mixinStandardHelpOptions = true,
    description = "Verify a raw Intel TDX quote (v4/v5) and optional Intel collateral against a policy.")
public final class VerifyTdxCommand implements Callable<Integer> {
  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Option(names = "--quote", required = true, paramLabel = "FILE", description = "Quote (binary or hex).")
  Path quote;

  @Option(names = "--collateral", paramLabel = "FILE",
      description = "Collateral file, repeatable: Phala combined JSON, PCS tcbInfo/qeIdentity body, "
          + "PEM issuer chain, DER/PEM CRL (detected by content).")
  List<Path> collateral = new ArrayList<>();

  @Option(names = "--at", paramLabel = "INSTANT",
      description = "Verification time (ISO-8601, e.g. 2025-07-01T00:00:00Z); default: policy verification_time, else now.")
  String at;

  @Option(names = "--report-data", paramLabel = "HEX", description = "Expected REPORTDATA (64 bytes hex).")
  String reportData;

  @Option(names = "--policy", paramLabel = "FILE", description = "Policy JSON (docs/POLICY.md); default: secure default.")
  Path policyFile;

  @Option(names = "--json", description = "Print the verdict as JSON.")
  boolean json;

  @Override
  public Integer call() throws Exception {
    Policy policy = loadPolicy();
    Optional<byte[]> expected = reportData == null
        ? Optional.empty() : Optional.of(CliSupport.parseHex(reportData, 64, "--report-data"));
    byte[] quoteBytes = EvidenceFiles.binaryOrHex(CliSupport.readFile(quote, "--quote"));
    TdxEvidence.Builder evidence = TdxEvidence.newBuilder().setQuote(ByteString.copyFrom(quoteBytes));
    Verdict.Builder out = Verdict.builder();
    if (!collateral.isEmpty()) {
      TdxCollateral.Builder c = TdxCollateral.newBuilder();
      for (Path p : collateral) {
        byte[] content = CliSupport.readFile(p, "--collateral");
        try {
          CollateralInputs.add(c, content);
        } catch (EvidenceFormatException e) {
          out.reject(e.code(), "--collateral " + p + ": " + e.getMessage());
        }
      }
      evidence.setCollateral(c);
    }
    VerifyOptions options = CliSupport.verifyOptions(policy, at);
    new TdxEvidenceVerifier(options).verify(evidence.build(), expected, policy.getTdx(), out);
    return VerdictPrinter.print(out.build(), json, spec.commandLine().getOut());
  }

  private Policy loadPolicy() throws UsageException {
    return TargetOptions.loadPolicy(policyFile);
  }
}
