package dev.gpucc.client.cli;

import dev.gpucc.client.AttestedChannel;
import dev.gpucc.client.GpuccClient;
import dev.gpucc.proto.v1.Policy;

/** An open channel plus client for commands that talk to a --target; closes the channel. */
final class ClientConnection implements AutoCloseable {
  final AttestedChannel channel;
  final GpuccClient client;

  private ClientConnection(AttestedChannel channel, GpuccClient client) {
    this.channel = channel;
    this.client = client;
  }

  static ClientConnection open(TargetOptions target) throws UsageException {
    if (target.target == null) {
      throw new UsageException("--target HOST:PORT is required");
    }
    TargetOptions.HostPort hp = TargetOptions.parseTarget(target.target);
    Policy policy = target.loadPolicy();
    AttestedChannel ch = AttestedChannel.open(hp.host(), hp.port());
    return new ClientConnection(ch, new GpuccClient(ch.channel(), ch.pin(), policy));
  }

  @Override
  public void close() {
    channel.close();
  }
}
