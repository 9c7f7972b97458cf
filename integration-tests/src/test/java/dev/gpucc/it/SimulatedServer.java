package dev.gpucc.it;

import dev.gpucc.attestation.SimulatedRoots;
import dev.gpucc.client.AttestedChannel;
import dev.gpucc.client.GpuccClient;
import dev.gpucc.proto.v1.AttestationMode;
import dev.gpucc.proto.v1.Policy;
import dev.gpucc.server.ComponentFactory;
import dev.gpucc.server.GpuccServer;
import dev.gpucc.server.ServerComponents;
import dev.gpucc.server.ServerConfig;
import io.grpc.Metadata;
import io.grpc.ServerCall;
import io.grpc.ServerCallHandler;
import io.grpc.ServerInterceptor;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A real gpucc server on loopback TLS with simulated evidence, plus a record of the RPCs it
 * received (to prove that no input reached it).
 */
final class SimulatedServer implements AutoCloseable {
  final GpuccServer server;
  final List<String> calls = new CopyOnWriteArrayList<>();
  private final List<AttestedChannel> channels = new CopyOnWriteArrayList<>();

  SimulatedServer() throws Exception {
    this(ServerConfig.embeddedSimulated());
  }

  SimulatedServer(ServerConfig config) throws Exception {
    ServerComponents components = ComponentFactory.create(config);
    ServerInterceptor recorder = new ServerInterceptor() {
      @Override
      public <Q, R> ServerCall.Listener<Q> interceptCall(
          ServerCall<Q, R> call, Metadata headers, ServerCallHandler<Q, R> next) {
        calls.add(call.getMethodDescriptor().getBareMethodName());
        return next.startCall(call, headers);
      }
    };
    server = new GpuccServer(config, components, List.of(recorder)).start();
  }

  int port() {
    return server.port();
  }

  /** allowSimulated, pinned to this server's simulated roots. */
  Policy policy() {
    Policy.Builder p = Policy.newBuilder().setAllowSimulated(true);
    for (X509Certificate root : ComponentFactory.simulatedRoots(server.components())) {
      p.addSimulatedRootSha256(SimulatedRoots.sha256Hex(root));
    }
    return p.build();
  }

  GpuccClient client(Policy policy) {
    return client(policy, AttestationMode.ATTESTATION_MODE_PER_JOB);
  }

  GpuccClient client(Policy policy, AttestationMode mode) {
    AttestedChannel ch = AttestedChannel.open("127.0.0.1", port());
    channels.add(ch);
    return new GpuccClient(ch.channel(), ch.pin(), policy, Clock.systemUTC(), 120, mode);
  }

  long count(String method) {
    return calls.stream().filter(method::equals).count();
  }

  @Override
  public void close() throws Exception {
    channels.forEach(AttestedChannel::close);
    server.stop();
  }
}
