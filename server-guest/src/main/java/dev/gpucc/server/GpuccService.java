package dev.gpucc.server;

import com.google.protobuf.ByteString;
import dev.gpucc.attestation.transcript.TranscriptDigests;
import dev.gpucc.kernels.KernelCatalog;
import dev.gpucc.kernels.KernelDefinition;
import dev.gpucc.proto.v1.AttestRequest;
import dev.gpucc.proto.v1.AttestResponse;
import dev.gpucc.proto.v1.AttestationMode;
import dev.gpucc.proto.v1.Capabilities;
import dev.gpucc.proto.v1.ExecutorKind;
import dev.gpucc.proto.v1.GetCapabilitiesRequest;
import dev.gpucc.proto.v1.GpuEvidence;
import dev.gpucc.proto.v1.GpuccGrpc;
import dev.gpucc.proto.v1.JobEvent;
import dev.gpucc.proto.v1.JobProgress;
import dev.gpucc.proto.v1.JobResult;
import dev.gpucc.proto.v1.KernelInfo;
import dev.gpucc.proto.v1.Limits;
import dev.gpucc.proto.v1.SessionTranscript;
import dev.gpucc.proto.v1.SubmitJobRequest;
import dev.gpucc.server.exec.JobContext;
import io.grpc.stub.ServerCallStreamObserver;
import io.grpc.stub.StreamObserver;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.RejectedExecutionException;

/** The gpucc.v1.Gpucc service. Errors leave through {@link StatusMapper} only. */
final class GpuccService extends GpuccGrpc.GpuccImplBase {
  private final ServerConfig config;
  private final KernelCatalog catalog;
  private final ExecutorSelector executors;
  private final EvidenceCollector evidence;
  private final JobPipeline pipeline;
  private final Attestor attestor;
  private final byte[] tlsKeyDigest;
  private final ExecutorService jobThreads;

  GpuccService(
      ServerConfig config,
      KernelCatalog catalog,
      ExecutorSelector executors,
      EvidenceCollector evidence,
      byte[] tlsKeyDigest,
      ExecutorService jobThreads) {
    this.config = config;
    this.catalog = catalog;
    this.executors = executors;
    this.evidence = evidence;
    this.tlsKeyDigest = tlsKeyDigest.clone();
    this.jobThreads = jobThreads;
    SessionStore sessions = new SessionStore(java.time.Clock.systemUTC(), 1024);
    this.attestor = new Attestor(evidence, sessions, tlsKeyDigest, config.sessionMaxAge(), java.time.Clock.systemUTC());
    this.pipeline = new JobPipeline(catalog, executors, evidence, sessions, tlsKeyDigest, ServerVersion.get());
  }

  @Override
  public void getCapabilities(GetCapabilitiesRequest request, StreamObserver<Capabilities> out) {
    Capabilities.Builder c =
        Capabilities.newBuilder()
            .setServerVersion(ServerVersion.get())
            .setTeeKind(evidence.cpu().teeKind())
            .setCpuEvidenceProvider(evidence.cpu().name())
            .setCpuEvidenceSimulated(evidence.cpu().simulated())
            .setGpuEvidenceProvider(evidence.gpu().map(g -> g.name()).orElse("none"))
            .addAllExecutors(executors.infos())
            .addAttestationModes(AttestationMode.ATTESTATION_MODE_PER_JOB)
            .addAttestationModes(AttestationMode.ATTESTATION_MODE_SESSION)
            .setLimits(
                Limits.newBuilder()
                    .setMaxOperandBits(config.limits().maxOperandBits())
                    .setMaxBatchPairs(config.limits().maxBatchPairs())
                    .setMaxInputBytes(config.limits().maxInputBytes())
                    .setMaxOutputBytes(config.limits().maxOutputBytes())
                    .setJobTimeoutSeconds((int) config.jobTimeout().toSeconds()));
    evidence.gpu().ifPresent(g -> c.addAllGpus(g.gpus()));
    for (KernelDefinition k : catalog.all()) {
      KernelInfo.Builder ki =
          KernelInfo.newBuilder()
              .setName(k.name())
              .setVersion(k.version())
              .setDigest(ByteString.copyFrom(k.digest()))
              .setDescription(k.description());
      for (ExecutorKind kind : List.of(ExecutorKind.EXECUTOR_KIND_CUDA, ExecutorKind.EXECUTOR_KIND_CPU)) {
        if (executors.anySupports(k.name(), kind)) {
          ki.addExecutors(kind);
        }
      }
      c.addKernels(ki);
    }
    out.onNext(c.build());
    out.onCompleted();
  }

  @Override
  public void attest(AttestRequest request, StreamObserver<AttestResponse> out) {
    try {
      out.onNext(attestor.attest(request));
      out.onCompleted();
    } catch (Exception e) {
      out.onError(StatusMapper.toStatus(e).asRuntimeException());
    }
  }

  @Override
  public void submitJob(SubmitJobRequest request, StreamObserver<JobEvent> responseObserver) {
    ServerCallStreamObserver<JobEvent> out = (ServerCallStreamObserver<JobEvent>) responseObserver;
    String jobId = UUID.randomUUID().toString();
    out.setOnCancelHandler(() -> {});
    JobContext ctx =
        new JobContext(
            jobId,
            config.limits(),
            Instant.now().plus(config.jobTimeout()),
            out::isCancelled,
            (phase, fraction, message) -> sendProgress(out, phase, fraction, message));
    try {
      jobThreads.execute(() -> runJob(request, ctx, out));
    } catch (RejectedExecutionException e) {
      out.onError(
          io.grpc.Status.RESOURCE_EXHAUSTED
              .withDescription("the server is running its maximum number of jobs; retry later")
              .asRuntimeException());
    }
  }

  private void runJob(SubmitJobRequest request, JobContext ctx, ServerCallStreamObserver<JobEvent> out) {
    try {
      sendProgress(out, "accepted", 0.0, "job " + ctx.jobId() + " accepted");
      JobResult result = pipeline.run(request, ctx);
      synchronized (out) {
        if (!out.isCancelled()) {
          out.onNext(JobEvent.newBuilder().setResult(result).build());
          out.onCompleted();
        }
      }
    } catch (Exception | OutOfMemoryError e) {
      synchronized (out) {
        if (!out.isCancelled()) {
          out.onError(StatusMapper.toStatus(e).asRuntimeException());
        }
      }
    }
  }

  private static void sendProgress(ServerCallStreamObserver<JobEvent> out, String phase, double fraction, String message) {
    synchronized (out) {
      if (!out.isCancelled()) {
        out.onNext(
            JobEvent.newBuilder()
                .setProgress(JobProgress.newBuilder().setPhase(phase).setFraction(fraction).setMessage(message))
                .build());
      }
    }
  }
}
