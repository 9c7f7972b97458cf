package dev.gpucc.server.evidence.tdx;

import com.google.protobuf.ByteString;
import dev.gpucc.proto.v1.Evidence;
import dev.gpucc.proto.v1.TdxEvidence;
import dev.gpucc.proto.v1.TeeKind;
import dev.gpucc.server.evidence.CpuEvidenceProvider;
import dev.gpucc.server.evidence.EvidenceProviderException;
import java.io.IOException;
import java.nio.channels.ByteChannel;

/**
 * TDX quotes from the host's QGS: TDREPORT via {@code TDX_CMD_GET_REPORT0}, sent to the QGS as
 * GET_QUOTE_REQ over a byte channel (vsock CID 2, port 4050 by default on real guests). For
 * kernels without configfs-tsm. The vsock transport ({@link VsockChannel}) is UNVERIFIED on
 * hardware here; the message format is tested against a fake QGS on loopback TCP.
 */
public final class QgsTdxProvider implements CpuEvidenceProvider {
  /** Opens a fresh connection to the QGS. */
  public interface Connector {
    ByteChannel connect() throws IOException;
  }

  private final TdReportSource reports;
  private final Connector connector;

  public QgsTdxProvider(TdReportSource reports, Connector connector) {
    this.reports = reports;
    this.connector = connector;
  }

  /** Real guest: /dev/tdx_guest and vsock to the host (CID 2) on {@code port}. */
  public static QgsTdxProvider vsock(int port) {
    return new QgsTdxProvider(new TdxGuestDevice(), () -> VsockChannel.connect(VsockChannel.CID_HOST, port));
  }

  @Override
  public String name() {
    return "qgs-vsock";
  }

  @Override
  public TeeKind teeKind() {
    return TeeKind.TEE_KIND_TDX;
  }

  @Override
  public boolean simulated() {
    return false;
  }

  @Override
  public Evidence.Builder collect(byte[] reportData) throws EvidenceProviderException {
    CpuEvidenceProvider.requireReportData("QGS", reportData);
    byte[] report = reports.tdReport(reportData);
    try (ByteChannel ch = connector.connect()) {
      byte[] quote = QgsClient.getQuote(ch, report);
      return Evidence.newBuilder().setTdx(TdxEvidence.newBuilder()
          .setQuote(ByteString.copyFrom(quote)).setProvider(name()).setSimulated(false));
    } catch (IOException e) {
      throw new EvidenceProviderException("QGS: " + e.getMessage(), e);
    }
  }
}
