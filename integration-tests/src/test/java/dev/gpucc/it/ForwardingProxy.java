package dev.gpucc.it;

import dev.gpucc.client.AttestedChannel;
import dev.gpucc.proto.v1.AttestRequest;
import dev.gpucc.proto.v1.AttestResponse;
import dev.gpucc.proto.v1.GpuccGrpc;
import dev.gpucc.proto.v1.JobEvent;
import dev.gpucc.proto.v1.SubmitJobRequest;
import dev.gpucc.server.tls.ServerTlsIdentity;
import io.grpc.Server;
import io.grpc.netty.shaded.io.grpc.netty.GrpcSslContexts;
import io.grpc.netty.shaded.io.grpc.netty.NettyServerBuilder;
import io.grpc.netty.shaded.io.netty.handler.ssl.SslContextBuilder;
import io.grpc.stub.StreamObserver;
import java.net.InetSocketAddress;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A man in the middle: terminates the client's TLS with its own key and relays every call to the
 * genuine server. It records any job input that reaches it.
 */
final class ForwardingProxy implements AutoCloseable {
  final List<SubmitJobRequest> capturedJobs = new CopyOnWriteArrayList<>();
  private final Server server;
  private final AttestedChannel upstream;

  ForwardingProxy(int upstreamPort) throws Exception {
    upstream = AttestedChannel.open("127.0.0.1", upstreamPort);
    GpuccGrpc.GpuccBlockingStub up = GpuccGrpc.newBlockingStub(upstream.channel());
    ServerTlsIdentity tls = ServerTlsIdentity.generate();
    server = NettyServerBuilder.forAddress(new InetSocketAddress("127.0.0.1", 0))
        .sslContext(GrpcSslContexts.configure(SslContextBuilder.forServer(tls.privateKey(), tls.certificate())).build())
        .addService(new GpuccGrpc.GpuccImplBase() {
          @Override
          public void attest(AttestRequest request, StreamObserver<AttestResponse> out) {
            out.onNext(up.attest(request));
            out.onCompleted();
          }

          @Override
          public void submitJob(SubmitJobRequest request, StreamObserver<JobEvent> out) {
            capturedJobs.add(request);
            up.submitJob(request).forEachRemaining(out::onNext);
            out.onCompleted();
          }
        })
        .build()
        .start();
  }

  int port() {
    return server.getPort();
  }

  @Override
  public void close() {
    server.shutdownNow();
    upstream.close();
  }
}
