package dev.gpucc.server.evidence.tdx;

import com.google.protobuf.ByteString;
import dev.gpucc.proto.v1.Evidence;
import dev.gpucc.proto.v1.TdxEvidence;
import dev.gpucc.proto.v1.TeeKind;
import dev.gpucc.server.evidence.CpuEvidenceProvider;
import dev.gpucc.server.evidence.EvidenceProviderException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.UUID;

/**
 * TDX quotes through configfs-tsm (Linux >= 6.7; evidence-formats §2.3), provider "tdx_guest".
 * One private report instance per request (mkdir, rmdir), and the documented generation-counter
 * check: read {@code generation} (g0), write the 64-byte inblob in one open/write/close, read
 * outblob, read generation again (g1); {@code g1 != g0 + 1} means another writer interfered (or
 * the inblob store was rejected, which configfs does not report to the writer) and the attempt
 * is retried, at most {@link #MAX_ATTEMPTS} times.
 */
public final class ConfigfsTsmTdxProvider implements CpuEvidenceProvider {
  /** Where configfs-tsm report instances live on a real guest. */
  public static final Path DEFAULT_ROOT = Path.of("/sys/kernel/config/tsm/report");
  public static final String PROVIDER = "tdx_guest";
  static final int MAX_ATTEMPTS = 3;

  private final Path root;
  private final TsmReportFs fs;

  public ConfigfsTsmTdxProvider() {
    this(DEFAULT_ROOT, TsmReportFs.real());
  }

  public ConfigfsTsmTdxProvider(Path root, TsmReportFs fs) {
    this.root = root;
    this.fs = fs;
  }

  /** True if the report directory exists (configfs mounted and a TSM provider registered). */
  public boolean isSupported() {
    return Files.isDirectory(root);
  }

  @Override
  public String name() {
    return "configfs-tsm";
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
    CpuEvidenceProvider.requireReportData("configfs-tsm", reportData);
    if (!isSupported()) {
      throw new EvidenceProviderException("configfs-tsm: " + root + " does not exist (configfs not mounted"
          + " or no TSM provider; needs Linux >= 6.7 in a TDX guest)");
    }
    String lastProblem = null;
    for (int attempt = 1; attempt <= MAX_ATTEMPTS; attempt++) {
      Path dir = root.resolve("gpucc-" + UUID.randomUUID());
      try {
        fs.mkdir(dir);
      } catch (IOException e) {
        throw new EvidenceProviderException("configfs-tsm: cannot create " + dir + ": " + e.getMessage(), e);
      }
      try {
        String provider = text(dir.resolve("provider"));
        if (!PROVIDER.equals(provider)) {
          throw new EvidenceProviderException(
              "configfs-tsm provider: expected " + PROVIDER + ", got '" + provider + "' (not a TDX guest?)");
        }
        long g0 = generation(dir);
        fs.write(dir.resolve("inblob"), reportData);
        byte[] quote = fs.read(dir.resolve("outblob"));
        long g1 = generation(dir);
        if (g1 == g0 + 1 && quote.length > 0) {
          return Evidence.newBuilder().setTdx(TdxEvidence.newBuilder()
              .setQuote(ByteString.copyFrom(quote)).setProvider(name()).setSimulated(false));
        }
        lastProblem = "generation went from " + g0 + " to " + g1 + " (expected " + (g0 + 1)
            + "): another writer interfered or the inblob store was rejected";
      } catch (IOException e) {
        throw new EvidenceProviderException("configfs-tsm: " + e.getMessage(), e);
      } finally {
        try {
          fs.rmdir(dir);
        } catch (IOException e) {
          // The instance leaks until reboot; not a reason to fail a good quote.
        }
      }
    }
    throw new EvidenceProviderException("configfs-tsm: no consistent quote after " + MAX_ATTEMPTS
        + " attempts: " + lastProblem);
  }

  private String text(Path p) throws IOException {
    return new String(fs.read(p), StandardCharsets.US_ASCII).strip();
  }

  private long generation(Path dir) throws IOException {
    String s = text(dir.resolve("generation"));
    try {
      return Long.parseLong(s);
    } catch (NumberFormatException e) {
      throw new IOException("generation is not a number: '" + s + "'");
    }
  }
}
