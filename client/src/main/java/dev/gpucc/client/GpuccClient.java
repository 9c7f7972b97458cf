package dev.gpucc.client;

import com.google.protobuf.ByteString;
import dev.gpucc.attestation.EvidenceVerifier;
import dev.gpucc.attestation.Verdict;
import dev.gpucc.attestation.transcript.JobExpectations;
import dev.gpucc.attestation.transcript.ReceiptVerifier;
import dev.gpucc.attestation.transcript.SessionVerifier;
import dev.gpucc.attestation.transcript.TranscriptDigests;
import dev.gpucc.proto.v1.AttestRequest;
import dev.gpucc.proto.v1.AttestResponse;
import dev.gpucc.proto.v1.AttestationMode;
import dev.gpucc.proto.v1.Capabilities;
import dev.gpucc.proto.v1.GetCapabilitiesRequest;
import dev.gpucc.proto.v1.GpuccGrpc;
import dev.gpucc.proto.v1.JobEvent;
import dev.gpucc.proto.v1.JobResult;
import dev.gpucc.proto.v1.JobSpec;
import dev.gpucc.proto.v1.Policy;
import dev.gpucc.proto.v1.SavedReceipt;
import dev.gpucc.proto.v1.SubmitJobRequest;
import io.grpc.Channel;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * The gpucc client library. It verifies the server before sending any input (the server's
 * evidence must pass the policy and bind the TLS key of this very channel) and verifies each
 * job's receipt before returning any output.
 *
 * <p>Takes a {@link Channel} it does not own, and the {@link ServerKeyPin} of that channel.
 */
public final class GpuccClient {
  private static final SecureRandom RANDOM = new SecureRandom();
  private final GpuccGrpc.GpuccBlockingStub stub;
  private final ServerKeyPin pin;
  private final Policy policy;
  private final Clock clock;
  private final long deadlineSeconds;
  private final AttestationMode mode;
  private volatile AttestedSession session;

  /** A client in the mode the policy names (session.mode; PER_JOB by default). */
  public GpuccClient(Channel channel, ServerKeyPin pin, Policy policy) {
    this(channel, pin, policy, Clock.systemUTC(), 600, modeOf(policy));
  }

  public GpuccClient(
      Channel channel, ServerKeyPin pin, Policy policy, Clock clock, long deadlineSeconds, AttestationMode mode) {
    this.stub = GpuccGrpc.newBlockingStub(channel);
    this.pin = pin;
    this.policy = policy;
    this.clock = clock;
    this.deadlineSeconds = deadlineSeconds;
    this.mode = mode == AttestationMode.ATTESTATION_MODE_UNSPECIFIED ? AttestationMode.ATTESTATION_MODE_PER_JOB : mode;
  }

  static AttestationMode modeOf(Policy policy) {
    return "SESSION".equals(policy.getSession().getMode())
        ? AttestationMode.ATTESTATION_MODE_SESSION
        : AttestationMode.ATTESTATION_MODE_PER_JOB;
  }

  public AttestationMode mode() {
    return mode;
  }

  public Capabilities capabilities() throws GpuccClientException {
    try {
      return stub.withDeadlineAfter(30, TimeUnit.SECONDS).getCapabilities(GetCapabilitiesRequest.getDefaultInstance());
    } catch (StatusRuntimeException e) {
      throw failure(e, "GetCapabilities");
    }
  }

  /**
   * Challenges the server with a fresh nonce and verifies its evidence against the policy and the
   * channel's TLS key. Required before {@link #submit}.
   */
  public AttestedSession attest() throws GpuccClientException {
    byte[] nonce = newNonce();
    AttestResponse response;
    try {
      response =
          stub.withDeadlineAfter(60, TimeUnit.SECONDS)
              .attest(
                  AttestRequest.newBuilder()
                      .setClientNonce(ByteString.copyFrom(nonce))
                      .setMode(mode)
                      .build());
    } catch (StatusRuntimeException e) {
      throw failure(e, "Attest");
    }
    byte[] observed = pin.observedKeyDigest().orElseThrow(
        () -> new GpuccClientException(GpuccClientException.Kind.CONNECTION,
            "no TLS key was observed on the channel: is it a TLS channel made by AttestedChannel?", null, null));
    Verdict verdict =
        new SessionVerifier(EvidenceVerifier.optionsFor(policy, clock.instant()), policy).verify(response, nonce, observed);
    if (!verdict.accepted()) {
      session = null;
      throw new GpuccClientException(
          GpuccClientException.Kind.ATTESTATION_REJECTED,
          "the server's evidence was rejected; no input was sent: " + verdict.reasons(),
          verdict,
          null);
    }
    AttestedSession s = new AttestedSession(response.getSessionId(), verdict, observed, mode,
        response.getTranscript().toByteArray(), nonce, clock.instant());
    session = s;
    return s;
  }

  /** The last accepted attestation, if any. */
  public Optional<AttestedSession> session() {
    return Optional.ofNullable(session);
  }

  /**
   * Runs a job: attests first if this client has not, sends the job, and verifies the receipt.
   *
   * @throws GpuccClientException ATTESTATION_REJECTED (nothing sent), JOB_FAILED, RECEIPT_REJECTED
   *     (outputs withheld), CONNECTION
   */
  public JobOutcome submit(JobSpec spec, List<byte[]> inputs, ProgressListener progress) throws GpuccClientException {
    AttestedSession s = session;
    if (s == null || sessionTooOld(s)) {
      s = attest();
    }
    try {
      return submitOnce(s, spec, inputs, progress);
    } catch (GpuccClientException e) {
      // The server forgot or expired the session (restart, clock): re-attest once and retry.
      if (mode == AttestationMode.ATTESTATION_MODE_SESSION && e.getCause() instanceof StatusRuntimeException sre
          && sre.getStatus().getCode() == Status.Code.FAILED_PRECONDITION
          && String.valueOf(sre.getStatus().getDescription()).contains("attest again")) {
        return submitOnce(attest(), spec, inputs, progress);
      }
      throw e;
    }
  }

  private boolean sessionTooOld(AttestedSession s) {
    if (mode != AttestationMode.ATTESTATION_MODE_SESSION) {
      return false;
    }
    long maxAge = policy.getSession().getMaxAgeSeconds() == 0 ? 3600 : policy.getSession().getMaxAgeSeconds();
    return s.verifiedAt().plusSeconds(maxAge).isBefore(clock.instant().plusSeconds(5));
  }

  private JobOutcome submitOnce(AttestedSession s, JobSpec spec, List<byte[]> inputs, ProgressListener progress)
      throws GpuccClientException {
    byte[] nonce = newNonce();
    byte[] specBytes = spec.toByteArray();
    SubmitJobRequest.Builder req =
        SubmitJobRequest.newBuilder()
            .setClientNonce(ByteString.copyFrom(nonce))
            .setJobSpec(ByteString.copyFrom(specBytes))
            .setMode(mode)
            .setSessionId(mode == AttestationMode.ATTESTATION_MODE_SESSION ? s.sessionId() : "");
    inputs.forEach(i -> req.addInputs(ByteString.copyFrom(i)));
    JobResult result = runStream(req.build(), progress);
    List<byte[]> outputs = new ArrayList<>();
    result.getOutputsList().forEach(o -> outputs.add(o.toByteArray()));
    byte[] inputDigest = TranscriptDigests.inputDigest(inputs);
    byte[] outputDigest = TranscriptDigests.outputDigest(outputs);
    boolean sessionMode = mode == AttestationMode.ATTESTATION_MODE_SESSION;
    JobExpectations expectations =
        new JobExpectations(nonce, specBytes, inputDigest, outputDigest, Optional.empty(), Optional.of(s.tlsKeyDigest()),
            sessionMode ? Optional.of(s.sessionTranscript()) : Optional.empty(),
            sessionMode ? Optional.of(s.attestNonce()) : Optional.empty());
    Verdict verdict =
        new ReceiptVerifier(EvidenceVerifier.optionsFor(policy, clock.instant()), policy)
            .verify(result.getReceipt(), expectations);
    SavedReceipt saved =
        SavedReceipt.newBuilder()
            .setFormat("gpucc.v1.saved-receipt")
            .setReceipt(result.getReceipt())
            .setJobSpec(ByteString.copyFrom(specBytes))
            .setClientNonce(ByteString.copyFrom(nonce))
            .setObservedTlsPublicKeySha256(ByteString.copyFrom(s.tlsKeyDigest()))
            .setInputDigest(ByteString.copyFrom(inputDigest))
            .setOutputDigest(ByteString.copyFrom(outputDigest))
            .setSavedAtUnixMs(clock.millis())
            .setSessionClientNonce(ByteString.copyFrom(sessionMode ? s.attestNonce() : new byte[0]))
            .build();
    if (!verdict.accepted()) {
      throw new GpuccClientException(
          GpuccClientException.Kind.RECEIPT_REJECTED,
          "the job's receipt was rejected; do not use its outputs: " + verdict.reasons(),
          verdict,
          null);
    }
    return new JobOutcome(result.getJobId(), List.copyOf(outputs), verdict, saved);
  }

  private JobResult runStream(SubmitJobRequest request, ProgressListener progress) throws GpuccClientException {
    try {
      Iterator<JobEvent> events = stub.withDeadlineAfter(deadlineSeconds, TimeUnit.SECONDS).submitJob(request);
      JobResult result = null;
      while (events.hasNext()) {
        JobEvent e = events.next();
        if (e.hasProgress()) {
          progress.onProgress(e.getProgress().getPhase(), e.getProgress().getFraction(), e.getProgress().getMessage());
        } else if (e.hasResult()) {
          result = e.getResult();
        }
      }
      if (result == null) {
        throw new GpuccClientException(GpuccClientException.Kind.JOB_FAILED, "the server ended the job without a result", null, null);
      }
      return result;
    } catch (StatusRuntimeException e) {
      throw failure(e, "SubmitJob");
    }
  }

  private static GpuccClientException failure(StatusRuntimeException e, String call) {
    Status s = e.getStatus();
    boolean transport =
        s.getCode() == Status.Code.UNAVAILABLE && (s.getCause() != null || s.getDescription() == null
            || s.getDescription().startsWith("io exception") || s.getDescription().contains("Connection refused"));
    if (transport || s.getCode() == Status.Code.DEADLINE_EXCEEDED && "Attest".equals(call)) {
      return new GpuccClientException(
          GpuccClientException.Kind.CONNECTION,
          "cannot reach the server (" + call + "): " + s.getCode() + describe(s),
          null,
          e);
    }
    return new GpuccClientException(
        GpuccClientException.Kind.JOB_FAILED, "server refused " + call + ": " + s.getCode() + describe(s), null, e);
  }

  private static String describe(Status s) {
    return s.getDescription() == null ? "" : ": " + s.getDescription();
  }

  private static byte[] newNonce() {
    byte[] n = new byte[TranscriptDigests.NONCE_BYTES];
    RANDOM.nextBytes(n);
    return n;
  }
}
