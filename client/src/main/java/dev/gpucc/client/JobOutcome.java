package dev.gpucc.client;

import dev.gpucc.attestation.Verdict;
import dev.gpucc.proto.v1.SavedReceipt;
import java.util.List;

/**
 * A job whose receipt was verified and accepted: the outputs may be used. {@link #receipt()} can be
 * saved and verified again later (gpucc verify receipt).
 */
public record JobOutcome(String jobId, List<byte[]> outputs, Verdict verdict, SavedReceipt receipt) {}
