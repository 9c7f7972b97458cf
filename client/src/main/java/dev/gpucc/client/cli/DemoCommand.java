package dev.gpucc.client.cli;

import dev.gpucc.attestation.SimulatedRoots;
import dev.gpucc.client.AttestedChannel;
import dev.gpucc.client.GpuccClient;
import dev.gpucc.client.GpuccClientException;
import dev.gpucc.client.JobOutcome;
import dev.gpucc.proto.v1.JobSpec;
import dev.gpucc.proto.v1.OperandEncoding;
import dev.gpucc.proto.v1.Policy;
import dev.gpucc.proto.v1.PrimeMultiplyParams;
import dev.gpucc.server.ComponentFactory;
import dev.gpucc.server.GpuccServer;
import dev.gpucc.server.ServerComponents;
import dev.gpucc.server.ServerConfig;
import java.io.PrintWriter;
import java.math.BigInteger;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.security.cert.X509Certificate;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code gpucc demo}: multiplies two random primes on an attested server and verifies the proof.
 * Without --target it starts an embedded server on loopback with SIMULATED evidence (this machine
 * has no TEE) and trusts exactly that server's simulated roots, and says so.
 */
@Command(name = "demo", description = "Multiply two random primes on an attested server and verify the proof.")
public final class DemoCommand implements Callable<Integer> {
  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Mixin TargetOptions target;

  @Option(names = "--bits", defaultValue = "1024", description = "Size of each prime in bits (default ${DEFAULT-VALUE}).")
  int bits;

  @Option(names = "--json", description = "Print the verdict as JSON.")
  boolean json;

  @Option(names = "--receipt", paramLabel = "FILE", description = "Save the receipt for later verification.")
  Path receiptFile;

  @Option(names = "--verbose", description = "Show more detail on errors.")
  boolean verbose;

  @Override
  public Integer call() throws Exception {
    if (bits < 2 || bits > 1 << 20) {
      throw new UsageException("--bits must be 2..1048576, got " + bits);
    }
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    GpuccServer embedded = null;
    try {
      String host;
      int port;
      Policy policy;
      if (target.target == null) {
        embedded = startEmbedded(err);
        host = "127.0.0.1";
        port = embedded.port();
        policy = target.policyFile != null ? target.loadPolicy() : embeddedPolicy(embedded);
      } else {
        TargetOptions.HostPort hp = TargetOptions.parseTarget(target.target);
        host = hp.host();
        port = hp.port();
        policy = target.loadPolicy();
      }
      return runDemo(host, port, policy, out, err);
    } finally {
      if (embedded != null) {
        embedded.stop();
      }
    }
  }

  private int runDemo(String host, int port, Policy policy, PrintWriter out, PrintWriter err) throws Exception {
    SecureRandom rnd = new SecureRandom();
    BigInteger a = BigInteger.probablePrime(bits, rnd);
    BigInteger b = BigInteger.probablePrime(bits, rnd);
    JobSpec spec =
        JobSpec.newBuilder()
            .setKernel("prime-multiply")
            .setPrimeMultiply(PrimeMultiplyParams.newBuilder().setEncoding(OperandEncoding.OPERAND_ENCODING_BIG_ENDIAN))
            .build();
    try (AttestedChannel channel = AttestedChannel.open(host, port)) {
      GpuccClient client = new GpuccClient(channel.channel(), channel.pin(), policy);
      if (!json) {
        err.println("Attesting " + channel.target() + " before sending any input...");
      }
      JobOutcome outcome;
      try {
        client.attest();
        if (!json) {
          err.println("Server evidence accepted; submitting two random " + bits + "-bit primes.");
        }
        outcome = client.submit(spec, List.of(magnitude(a), magnitude(b)), (p, f, m) -> {});
      } catch (GpuccClientException e) {
        return DemoReport.failure(e, json, out, err);
      }
      BigInteger product = new BigInteger(1, outcome.outputs().get(0));
      boolean productOk = product.equals(a.multiply(b));
      if (receiptFile != null) {
        ReceiptFiles.write(receiptFile, outcome.receipt());
      }
      return DemoReport.success(outcome, a, b, product, productOk, bits, json, out);
    }
  }

  private GpuccServer startEmbedded(PrintWriter err) throws Exception {
    ServerConfig config = ServerConfig.embeddedSimulated();
    ServerComponents components;
    try {
      components = ComponentFactory.create(config);
    } catch (dev.gpucc.server.ServerSetupException e) {
      throw new CliFailure(ExitCodes.INTERNAL, "cannot start the embedded server: " + e.getMessage(), e);
    }
    GpuccServer server = new GpuccServer(config, components).start();
    if (!json) {
      err.println("Started an embedded gpucc server on 127.0.0.1:" + server.port()
          + " with SIMULATED evidence (this machine has no TEE); the demo trusts only its simulated roots.");
    }
    return server;
  }

  /** allowSimulated, pinned to exactly the embedded server's simulated roots. */
  static Policy embeddedPolicy(GpuccServer server) {
    Policy.Builder p = Policy.newBuilder().setAllowSimulated(true);
    for (X509Certificate root : ComponentFactory.simulatedRoots(server.components())) {
      p.addSimulatedRootSha256(SimulatedRoots.sha256Hex(root));
    }
    return p.build();
  }

  static byte[] magnitude(BigInteger v) {
    byte[] raw = v.toByteArray();
    if (raw.length > 1 && raw[0] == 0) {
      byte[] out = new byte[raw.length - 1];
      System.arraycopy(raw, 1, out, 0, out.length);
      return out;
    }
    return raw;
  }
}
