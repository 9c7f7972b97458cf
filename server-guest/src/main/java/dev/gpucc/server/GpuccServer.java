package dev.gpucc.server;

import dev.gpucc.kernels.KernelCatalog;
import dev.gpucc.proto.v1.GpuccGrpc;
import dev.gpucc.server.tls.ServerTlsIdentity;
import io.grpc.Server;
import io.grpc.netty.shaded.io.grpc.netty.GrpcSslContexts;
import io.grpc.netty.shaded.io.grpc.netty.NettyServerBuilder;
import io.grpc.netty.shaded.io.netty.handler.ssl.SslContextBuilder;
import io.grpc.protobuf.services.HealthStatusManager;
import io.grpc.protobuf.services.ProtoReflectionServiceV1;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.logging.Logger;

/**
 * The gpucc server: gRPC over TLS (Netty) with a key made at start-up, the gpucc.v1 service, the
 * gRPC health service and server reflection.
 */
public final class GpuccServer {
  private static final Logger LOG = Logger.getLogger(GpuccServer.class.getName());
  private final ServerConfig config;
  private final ServerComponents components;
  private final ServerTlsIdentity tls;
  private final ExecutorService jobThreads;
  private final HealthStatusManager health = new HealthStatusManager();
  private Server server;

  private final java.util.List<io.grpc.ServerInterceptor> interceptors;

  public GpuccServer(ServerConfig config, ServerComponents components) {
    this(config, components, java.util.List.of());
  }

  /** With interceptors around the gpucc service (metrics, auditing, tests). */
  public GpuccServer(ServerConfig config, ServerComponents components, java.util.List<io.grpc.ServerInterceptor> interceptors) {
    this.interceptors = java.util.List.copyOf(interceptors);
    this.config = config;
    this.components = components;
    this.tls = ServerTlsIdentity.generate();
    // A bounded queue: past it, jobs are refused (RESOURCE_EXHAUSTED) instead of piling up.
    this.jobThreads =
        new ThreadPoolExecutor(
            config.maxConcurrentJobs(),
            config.maxConcurrentJobs(),
            30,
            TimeUnit.SECONDS,
            new ArrayBlockingQueue<>(config.maxConcurrentJobs() * 4),
            r -> {
              Thread t = new Thread(r, "gpucc-job");
              t.setDaemon(true);
              return t;
            });
  }

  public GpuccServer start() throws IOException {
    GpuccService service =
        new GpuccService(
            config,
            KernelCatalog.builtIn(),
            components.executors(),
            components.evidence(),
            tls.keyDigest(),
            jobThreads);
    server =
        NettyServerBuilder.forAddress(new InetSocketAddress(config.host(), config.port()))
            .sslContext(GrpcSslContexts.configure(SslContextBuilder.forServer(tls.privateKey(), tls.certificate())).build())
            .maxInboundMessageSize(config.maxInboundMessageBytes())
            .addService(io.grpc.ServerInterceptors.intercept(service, interceptors))
            .addService(health.getHealthService())
            .addService(ProtoReflectionServiceV1.newInstance())
            .build()
            .start();
    health.setStatus(GpuccGrpc.SERVICE_NAME, io.grpc.health.v1.HealthCheckResponse.ServingStatus.SERVING);
    health.setStatus("", io.grpc.health.v1.HealthCheckResponse.ServingStatus.SERVING);
    LOG.info("gpucc server listening on " + config.host() + ":" + port());
    return this;
  }

  /** The bound port (useful with port 0). */
  public int port() {
    return server.getPort();
  }

  public ServerTlsIdentity tlsIdentity() {
    return tls;
  }

  public ServerComponents components() {
    return components;
  }

  public void stop() throws InterruptedException {
    if (server != null) {
      health.enterTerminalState();
      server.shutdown();
      if (!server.awaitTermination(5, TimeUnit.SECONDS)) {
        server.shutdownNow();
        server.awaitTermination(5, TimeUnit.SECONDS);
      }
    }
    jobThreads.shutdownNow();
  }

  public void blockUntilShutdown() throws InterruptedException {
    if (server != null) {
      server.awaitTermination();
    }
  }
}
