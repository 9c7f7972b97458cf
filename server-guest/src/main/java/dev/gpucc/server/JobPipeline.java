package dev.gpucc.server;

import com.google.protobuf.ByteString;
import com.google.protobuf.InvalidProtocolBufferException;
import dev.gpucc.attestation.transcript.TranscriptDigests;
import dev.gpucc.kernels.KernelCatalog;
import dev.gpucc.kernels.KernelDefinition;
import dev.gpucc.kernels.KernelInputException;
import dev.gpucc.proto.v1.AttestationMode;
import dev.gpucc.proto.v1.Evidence;
import dev.gpucc.proto.v1.GpuEvidence;
import dev.gpucc.proto.v1.JobResult;
import dev.gpucc.proto.v1.JobSpec;
import dev.gpucc.proto.v1.JobTranscript;
import dev.gpucc.proto.v1.Receipt;
import dev.gpucc.proto.v1.SubmitJobRequest;
import dev.gpucc.server.evidence.EvidenceProviderException;
import dev.gpucc.server.exec.ExecutionException;
import dev.gpucc.server.exec.JobContext;
import dev.gpucc.server.exec.JobExecutor;
import java.util.ArrayList;
import java.util.List;

/**
 * The path of one job inside the server: check the request, run the kernel, digest what went in
 * and out, collect GPU evidence over the derived nonce, seal the transcript, collect CPU evidence
 * over its SHA-512, and hand back outputs with the receipt.
 */
public final class JobPipeline {
  private final KernelCatalog catalog;
  private final ExecutorSelector executors;
  private final EvidenceCollector evidence;
  private final SessionStore sessions;
  private final byte[] tlsKeyDigest;
  private final String serverVersion;

  public JobPipeline(
      KernelCatalog catalog,
      ExecutorSelector executors,
      EvidenceCollector evidence,
      SessionStore sessions,
      byte[] tlsKeyDigest,
      String serverVersion) {
    this.catalog = catalog;
    this.executors = executors;
    this.evidence = evidence;
    this.sessions = sessions;
    this.tlsKeyDigest = tlsKeyDigest.clone();
    this.serverVersion = serverVersion;
  }

  public JobResult run(SubmitJobRequest request, JobContext ctx)
      throws RequestException, KernelInputException, ExecutionException, EvidenceProviderException {
    byte[] nonce = request.getClientNonce().toByteArray();
    if (nonce.length != TranscriptDigests.NONCE_BYTES) {
      throw RequestException.invalid("client_nonce must be 32 bytes, got " + nonce.length);
    }
    Session session =
        request.getMode() == AttestationMode.ATTESTATION_MODE_SESSION ? sessions.require(request.getSessionId()) : null;
    byte[] specBytes = request.getJobSpec().toByteArray();
    JobSpec spec = parseSpec(specBytes);
    List<byte[]> inputs = inputs(request, ctx);
    KernelDefinition kernel = lookUp(spec);
    JobExecutor executor = executors.choose(spec);
    ctx.progress().report("compute", 0.1, "running " + spec.getKernel() + " on " + executor.info().getDevice());
    List<byte[]> outputs = executor.execute(kernel, spec, inputs, ctx);
    ctx.checkAlive();

    byte[] kernelDigest = executors.kernelDigest(kernel, spec);
    byte[] specDigest = TranscriptDigests.jobSpecDigest(specBytes);
    byte[] inputDigest = TranscriptDigests.inputDigest(inputs);
    byte[] outputDigest = TranscriptDigests.outputDigest(outputs);
    JobTranscript.Builder t =
        JobTranscript.newBuilder()
            .setDomain(TranscriptDigests.JOB_TRANSCRIPT_DOMAIN)
            .setClientNonce(ByteString.copyFrom(nonce))
            .setJobId(ctx.jobId())
            .setTlsPublicKeySha256(ByteString.copyFrom(tlsKeyDigest))
            .setKernelDigest(ByteString.copyFrom(kernelDigest))
            .setJobSpecDigest(ByteString.copyFrom(specDigest))
            .setInputDigest(ByteString.copyFrom(inputDigest))
            .setOutputDigest(ByteString.copyFrom(outputDigest))
            .setExecutor(executor.info())
            .setServerVersion(serverVersion)
            .setCompletedAtUnixMs(System.currentTimeMillis())
            .setKernelName(spec.getKernel())
            .setKernelVersion(kernel == null ? "custom" : kernel.version());
    Receipt receipt;
    if (session == null) {
      ctx.progress().report("evidence", 0.8, "collecting fresh GPU and CPU evidence");
      List<GpuEvidence> gpus =
          evidence.gpuEvidence(
              i -> TranscriptDigests.gpuJobNonce(nonce, ctx.jobId(), kernelDigest, specDigest, inputDigest, outputDigest, i));
      EvidenceCollector.digests(gpus).forEach(d -> t.addGpuEvidenceSha256(ByteString.copyFrom(d)));
      byte[] transcriptBytes = t.build().toByteArray();
      Evidence ev = evidence.evidence(transcriptBytes, gpus);
      receipt = Receipt.newBuilder().setJobTranscript(ByteString.copyFrom(transcriptBytes)).setEvidence(ev).build();
    } else {
      ctx.progress().report("receipt", 0.9, "signing the transcript with the session key");
      t.setSessionId(session.id());
      session.gpuEvidenceDigests().forEach(d -> t.addGpuEvidenceSha256(ByteString.copyFrom(d)));
      byte[] transcriptBytes = t.build().toByteArray();
      receipt = ReceiptSigner.sign(session, transcriptBytes);
    }
    JobResult.Builder result = JobResult.newBuilder().setJobId(ctx.jobId()).setReceipt(receipt);
    outputs.forEach(o -> result.addOutputs(ByteString.copyFrom(o)));
    return result.build();
  }

  private static JobSpec parseSpec(byte[] specBytes) throws RequestException {
    if (specBytes.length == 0) {
      throw RequestException.invalid("job_spec is empty: send a serialized gpucc.v1.JobSpec");
    }
    try {
      return JobSpec.parseFrom(specBytes);
    } catch (InvalidProtocolBufferException e) {
      throw RequestException.invalid("job_spec is not a valid serialized gpucc.v1.JobSpec: " + e.getMessage());
    }
  }

  private static List<byte[]> inputs(SubmitJobRequest request, JobContext ctx) throws RequestException {
    long total = 0;
    List<byte[]> out = new ArrayList<>(request.getInputsCount());
    for (ByteString b : request.getInputsList()) {
      total += b.size();
      out.add(b.toByteArray());
    }
    if (total > ctx.limits().maxInputBytes()) {
      throw RequestException.invalid(
          "inputs total " + total + " bytes; the limit is " + ctx.limits().maxInputBytes() + " (server setting max-input-bytes)");
    }
    return out;
  }

  private KernelDefinition lookUp(JobSpec spec) throws RequestException {
    if ("custom".equals(spec.getKernel())) {
      return null;
    }
    if (spec.getKernel().isEmpty()) {
      throw RequestException.invalid("job_spec.kernel is empty; see GetCapabilities for the catalog");
    }
    KernelDefinition k =
        catalog
            .find(spec.getKernel())
            .orElseThrow(
                () ->
                    RequestException.invalid(
                        "unknown kernel '" + spec.getKernel() + "'; this server has: "
                            + catalog.all().stream().map(KernelDefinition::name).toList()));
    if (!spec.getKernelVersion().isEmpty() && !spec.getKernelVersion().equals(k.version())) {
      throw new RequestException(
          io.grpc.Status.Code.FAILED_PRECONDITION,
          "kernel " + k.name() + " is version " + k.version() + " on this server; the job asks for " + spec.getKernelVersion());
    }
    return k;
  }
}
