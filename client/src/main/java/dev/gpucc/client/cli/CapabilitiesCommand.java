package dev.gpucc.client.cli;

import com.google.protobuf.util.JsonFormat;
import dev.gpucc.attestation.Hex;
import dev.gpucc.client.GpuccClientException;
import dev.gpucc.proto.v1.Capabilities;
import dev.gpucc.proto.v1.GpuInfo;
import dev.gpucc.proto.v1.KernelInfo;
import java.io.PrintWriter;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code gpucc capabilities}: what a server says it is and can run (unattested). */
@Command(name = "capabilities", description = "Show a server's capabilities (not attested: use 'gpucc attest' to verify).")
public final class CapabilitiesCommand implements Callable<Integer> {
  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Mixin TargetOptions target;

  @Option(names = "--json", description = "Print as JSON.")
  boolean json;

  @Option(names = "--verbose", description = "Show more detail on errors.")
  boolean verbose;

  @Override
  public Integer call() throws Exception {
    PrintWriter out = spec.commandLine().getOut();
    try (ClientConnection c = ClientConnection.open(target)) {
      Capabilities caps;
      try {
        caps = c.client.capabilities();
      } catch (GpuccClientException e) {
        throw Failures.of(e);
      }
      if (json) {
        out.println(JsonFormat.printer().print(caps));
      } else {
        print(caps, out);
      }
      out.flush();
      return ExitCodes.OK;
    }
  }

  private static void print(Capabilities c, PrintWriter out) {
    out.println("server        " + c.getServerVersion());
    out.println("TEE           " + c.getTeeKind() + ", CPU evidence " + c.getCpuEvidenceProvider()
        + (c.getCpuEvidenceSimulated() ? " (SIMULATED)" : ""));
    out.println("GPU evidence  " + c.getGpuEvidenceProvider());
    for (GpuInfo g : c.getGpusList()) {
      out.println("GPU " + g.getIndex() + "         " + g.getName() + " driver " + g.getDriverVersion() + " vbios "
          + g.getVbiosVersion() + (g.getCcModeOn() ? " CC on" : " CC off") + (g.getEvidenceSimulated() ? " (SIMULATED)" : ""));
    }
    out.println("executors     " + c.getExecutorsList().stream().map(e -> e.getKind() + " " + e.getDevice()).toList());
    out.println("kernels:");
    for (KernelInfo k : c.getKernelsList()) {
      out.printf("  %-16s %-8s %s  %s%n", k.getName(), k.getVersion(), Hex.encode(k.getDigest().toByteArray()), k.getExecutorsList());
    }
    out.println("limits        max operand " + c.getLimits().getMaxOperandBits() + " bits, max input "
        + c.getLimits().getMaxInputBytes() + " bytes, job timeout " + c.getLimits().getJobTimeoutSeconds() + " s");
    out.println("(capabilities are not attested; 'gpucc attest' verifies the server)");
  }
}
