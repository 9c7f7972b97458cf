package dev.gpucc.client;

import io.grpc.ManagedChannel;
import io.grpc.netty.shaded.io.grpc.netty.GrpcSslContexts;
import io.grpc.netty.shaded.io.grpc.netty.NettyChannelBuilder;
import io.grpc.netty.shaded.io.netty.handler.ssl.SslContextBuilder;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.SSLException;

/**
 * A TLS channel to a gpucc server whose key is pinned by {@link ServerKeyPin}. Owns the
 * ManagedChannel: close it when done.
 */
public final class AttestedChannel implements AutoCloseable {
  private final ManagedChannel channel;
  private final ServerKeyPin pin;
  private final String target;

  private AttestedChannel(ManagedChannel channel, ServerKeyPin pin, String target) {
    this.channel = channel;
    this.pin = pin;
    this.target = target;
  }

  public static AttestedChannel open(String host, int port) {
    ServerKeyPin pin = new ServerKeyPin();
    try {
      ManagedChannel ch =
          NettyChannelBuilder.forAddress(host, port)
              .sslContext(GrpcSslContexts.configure(SslContextBuilder.forClient().trustManager(pin)).build())
              // The certificate names no host: identity comes from attestation, not from DNS.
              .overrideAuthority("gpucc.attested")
              .maxInboundMessageSize(Integer.MAX_VALUE)
              .build();
      return new AttestedChannel(ch, pin, host + ":" + port);
    } catch (SSLException e) {
      throw new IllegalStateException("TLS is unavailable in this Java runtime", e);
    }
  }

  public ManagedChannel channel() {
    return channel;
  }

  public ServerKeyPin pin() {
    return pin;
  }

  public String target() {
    return target;
  }

  @Override
  public void close() {
    channel.shutdown();
    try {
      if (!channel.awaitTermination(5, TimeUnit.SECONDS)) {
        channel.shutdownNow();
      }
    } catch (InterruptedException e) {
      channel.shutdownNow();
      Thread.currentThread().interrupt();
    }
  }
}
