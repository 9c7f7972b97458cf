package dev.gpucc.client.cli;

import dev.gpucc.attestation.EvidenceFiles;
import dev.gpucc.attestation.Verdict;
import dev.gpucc.attestation.VerifyOptions;
import dev.gpucc.attestation.gpu.GpuCollateralSources;
import dev.gpucc.attestation.gpu.GpuEvidenceFiles;
import dev.gpucc.attestation.gpu.GpuEvidenceVerifier;
import dev.gpucc.attestation.gpu.rim.DirectoryRimFetcher;
import dev.gpucc.attestation.gpu.rim.FetchingRimProvider;
import dev.gpucc.attestation.gpu.rim.RimProvider;
import dev.gpucc.proto.v1.GpuEvidence;
import dev.gpucc.proto.v1.Policy;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code gpucc verify gpu}: verifies one NVIDIA GPU report (SPDM 1.1 GET_MEASUREMENTS request ||
 * MEASUREMENTS response, binary or hex text, as nvtrust and NVML write it) with its PEM
 * certificate chain, optionally against RIMs and a policy. Exit 0 accepted, 1 rejected
 * (malformed evidence included), 2 usage. Offline: no OCSP, no RIM download.
 */
@Command(
    name = "gpu",
    description = "Verify NVIDIA GPU evidence (SPDM report + certificate chain) against a policy.")
public final class VerifyGpuCommand implements Callable<Integer> {
  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Option(names = "--evidence", required = true, paramLabel = "FILE",
      description = "SPDM evidence, binary or hex text (nvtrust attestationReport format).")
  Path evidence;

  @Option(names = "--certs", required = true, paramLabel = "FILE",
      description = "PEM certificate chain, leaf first (5 certificates for Hopper).")
  Path certs;

  @Option(names = "--nonce", paramLabel = "HEX",
      description = "Expected 32-byte nonce (64 hex digits); without it freshness is not checked.")
  String nonce;

  @Option(names = "--rim", paramLabel = "FILE",
      description = "RIM SWID tag (driver and/or VBIOS); repeat for both. Compared when given.")
  List<Path> rims = new ArrayList<>();

  @Option(names = "--rim-dir", paramLabel = "DIR",
      description = "Directory of RIMs named by NVIDIA RIM id (NV_GPU_DRIVER_GH100_<ver>[.swidtag|.xml],"
          + " NV_GPU_VBIOS_<project>_<sku>_<chip>_<vbios>); alternative to --rim.")
  Path rimDir;

  @Option(names = "--at", paramLabel = "INSTANT",
      description = "Verification instant (ISO-8601, e.g. 2024-06-01T00:00:00Z); default now.")
  String at;

  @Option(names = "--policy", paramLabel = "FILE", description = "JSON policy (docs/POLICY.md); its gpu section applies.")
  Path policyFile;

  @Option(names = "--index", paramLabel = "N", description = "GPU index used in claim names (default 0).")
  int index;

  @Option(names = "--json", description = "Print the verdict as JSON.")
  boolean json;

  @Option(names = "--verbose", description = "Show stack traces of internal errors.")
  boolean verbose;

  @Override
  public Integer call() throws Exception {
    Policy policy = loadPolicy();
    VerifyOptions options = CliSupport.verifyOptions(policy, at);
    byte[] spdm = EvidenceFiles.binaryOrHex(CliSupport.readFile(evidence, "--evidence"));
    byte[] chain = CliSupport.readFile(certs, "--certs");
    Optional<byte[]> expected =
        nonce == null ? Optional.empty() : Optional.of(CliSupport.parseHex(nonce, 32, "--nonce"));
    GpuCollateralSources sources = GpuCollateralSources.offline();
    if (rimDir != null) {
      if (!rims.isEmpty()) {
        throw new UsageException("--rim and --rim-dir cannot be combined");
      }
      if (!java.nio.file.Files.isDirectory(rimDir)) {
        throw new UsageException("--rim-dir: not a directory: " + rimDir);
      }
      sources = sources.withRims(new FetchingRimProvider(new DirectoryRimFetcher(rimDir)));
    }
    if (!rims.isEmpty()) {
      List<byte[]> docs = new ArrayList<>();
      for (Path r : rims) {
        docs.add(CliSupport.readFile(r, "--rim"));
      }
      sources = sources.withRims(RimProvider.of(docs));
    }
    GpuEvidence e = GpuEvidenceFiles.fromBytes(index, spdm, chain);
    Verdict.Builder out = Verdict.builder();
    new GpuEvidenceVerifier(options, sources).verify(e, expected, policy.getGpu(), out);
    return VerdictPrinter.print(out.build(), json, spec.commandLine().getOut());
  }

  private Policy loadPolicy() throws UsageException {
    return TargetOptions.loadPolicy(policyFile);
  }
}
