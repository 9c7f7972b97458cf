package dev.gpucc.it;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gpucc.client.AttestedChannel;
import io.grpc.health.v1.HealthCheckRequest;
import io.grpc.health.v1.HealthCheckResponse;
import io.grpc.health.v1.HealthGrpc;
import io.grpc.reflection.v1.ServerReflectionGrpc;
import io.grpc.reflection.v1.ServerReflectionRequest;
import io.grpc.reflection.v1.ServerReflectionResponse;
import io.grpc.stub.StreamObserver;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** Operators' probes: the gRPC health service and server reflection answer over TLS. */
class HealthAndReflectionTest {
  @Test
  void healthIsServing_andReflectionListsGpucc() throws Exception {
    try (SimulatedServer s = new SimulatedServer(); AttestedChannel ch = AttestedChannel.open("127.0.0.1", s.port())) {
      HealthCheckResponse health = HealthGrpc.newBlockingStub(ch.channel())
          .check(HealthCheckRequest.newBuilder().setService("gpucc.v1.Gpucc").build());
      assertThat(health.getStatus()).isEqualTo(HealthCheckResponse.ServingStatus.SERVING);

      CompletableFuture<List<String>> services = new CompletableFuture<>();
      StreamObserver<ServerReflectionRequest> req = ServerReflectionGrpc.newStub(ch.channel())
          .serverReflectionInfo(new StreamObserver<ServerReflectionResponse>() {
            @Override
            public void onNext(ServerReflectionResponse r) {
              services.complete(r.getListServicesResponse().getServiceList().stream().map(x -> x.getName()).toList());
            }

            @Override
            public void onError(Throwable t) {
              services.completeExceptionally(t);
            }

            @Override
            public void onCompleted() {}
          });
      req.onNext(ServerReflectionRequest.newBuilder().setListServices("").build());
      assertThat(services.get(30, TimeUnit.SECONDS)).contains("gpucc.v1.Gpucc", "grpc.health.v1.Health");
      req.onCompleted();
    }
  }
}
