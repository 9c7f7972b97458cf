package dev.gpucc.server;

import com.google.protobuf.ByteString;
import dev.gpucc.proto.v1.Evidence;
import dev.gpucc.proto.v1.SnpEvidence;
import dev.gpucc.proto.v1.TeeKind;
import dev.gpucc.server.evidence.CpuEvidenceProvider;
import java.util.ArrayList;
import java.util.List;

/** Records the report data it was asked for and returns an unsigned placeholder report. */
final class FakeCpuEvidenceProvider implements CpuEvidenceProvider {
  final List<byte[]> requests = new ArrayList<>();

  @Override
  public String name() {
    return "fake";
  }

  @Override
  public TeeKind teeKind() {
    return TeeKind.TEE_KIND_SEV_SNP;
  }

  @Override
  public boolean simulated() {
    return true;
  }

  @Override
  public synchronized Evidence.Builder collect(byte[] reportData) {
    requests.add(reportData.clone());
    return Evidence.newBuilder().setSnp(SnpEvidence.newBuilder().setReport(ByteString.copyFrom(reportData)));
  }
}
