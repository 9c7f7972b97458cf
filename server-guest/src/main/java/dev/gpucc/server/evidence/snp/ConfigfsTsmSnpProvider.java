package dev.gpucc.server.evidence.snp;

import com.google.protobuf.ByteString;
import dev.gpucc.proto.v1.Evidence;
import dev.gpucc.proto.v1.SnpEvidence;
import dev.gpucc.proto.v1.TeeKind;
import dev.gpucc.server.evidence.CpuEvidenceProvider;
import dev.gpucc.server.evidence.EvidenceProviderException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.Objects;
import java.util.OptionalInt;

/**
 * SEV-SNP evidence through configfs-tsm ({@code /sys/kernel/config/tsm/report}, Linux ≥ 6.7;
 * kernel Documentation/ABI/testing/configfs-tsm-report, evidence-formats §2.3): a private
 * instance directory per request; inblob written in a single write; optional privlevel (VMPL);
 * outblob (the 1184-byte report) and auxblob (the certificate table) read; {@code generation}
 * compared before and after so that a concurrent writer is detected and the request retried.
 */
public final class ConfigfsTsmSnpProvider implements CpuEvidenceProvider {
  public static final String NAME = "configfs-tsm";
  public static final Path DEFAULT_ROOT = Path.of("/sys/kernel/config/tsm/report");
  private static final SecureRandom RANDOM = new SecureRandom();

  private final Path root;
  private final OptionalInt privlevel;
  private final int maxAttempts;
  private final TsmFs fs;

  public ConfigfsTsmSnpProvider() {
    this(DEFAULT_ROOT, OptionalInt.empty(), 3, new TsmFs());
  }

  /**
   * @param root the {@code tsm/report} directory
   * @param privlevel VMPL to request (written to {@code privlevel}); empty = the kernel default
   * @param maxAttempts attempts when another writer interferes (generation mismatch)
   */
  public ConfigfsTsmSnpProvider(Path root, OptionalInt privlevel, int maxAttempts, TsmFs fs) {
    this.root = Objects.requireNonNull(root, "root");
    this.privlevel = Objects.requireNonNull(privlevel, "privlevel");
    if (maxAttempts < 1) {
      throw new IllegalArgumentException("maxAttempts must be >= 1");
    }
    if (privlevel.isPresent() && (privlevel.getAsInt() < 0 || privlevel.getAsInt() > 3)) {
      throw new IllegalArgumentException("privlevel must be 0..3");
    }
    this.maxAttempts = maxAttempts;
    this.fs = Objects.requireNonNull(fs, "fs");
  }

  @Override
  public String name() {
    return NAME;
  }

  @Override
  public TeeKind teeKind() {
    return TeeKind.TEE_KIND_SEV_SNP;
  }

  @Override
  public boolean simulated() {
    return false;
  }

  /** True when the report directory exists and an instance's provider is {@code sev_guest}. */
  public boolean probe() {
    if (!fs.exists(root)) {
      return false;
    }
    Path dir = root.resolve(instanceName());
    try {
      fs.mkdir(dir);
    } catch (IOException e) {
      return false;
    }
    try {
      Path provider = dir.resolve("provider");
      return !fs.exists(provider) || "sev_guest".equals(fs.readText(provider));
    } catch (IOException e) {
      return false;
    } finally {
      rmdirQuietly(dir);
    }
  }

  @Override
  public Evidence.Builder collect(byte[] reportData) throws EvidenceProviderException {
    SnpProviders.checkReportData(reportData);
    for (int attempt = 1; ; attempt++) {
      try {
        SnpEvidence e = attempt(reportData);
        if (e != null) {
          return Evidence.newBuilder().setSnp(e);
        }
      } catch (IOException e) {
        throw new EvidenceProviderException("configfs-tsm under " + root + " failed: " + e.getMessage(), e);
      }
      if (attempt >= maxAttempts) {
        throw new EvidenceProviderException("configfs-tsm: another writer changed the report instance"
            + " during each of " + maxAttempts + " attempts (generation mismatch)");
      }
    }
  }

  /** One request; null when the generation counter shows interference. */
  private SnpEvidence attempt(byte[] reportData) throws IOException, EvidenceProviderException {
    Path dir = root.resolve(instanceName());
    fs.mkdir(dir);
    try {
      Path provider = dir.resolve("provider");
      if (fs.exists(provider) && !"sev_guest".equals(fs.readText(provider))) {
        throw new EvidenceProviderException("configfs-tsm provider is '" + fs.readText(provider)
            + "', not sev_guest: this is not an SEV-SNP guest");
      }
      long g0 = generation(dir);
      int writes = 1;
      fs.writeOnce(dir.resolve("inblob"), reportData);
      if (privlevel.isPresent()) {
        fs.writeOnce(dir.resolve("privlevel"),
            (privlevel.getAsInt() + "\n").getBytes(StandardCharsets.US_ASCII));
        writes++;
      }
      byte[] report = fs.readBytes(dir.resolve("outblob"));
      Path aux = dir.resolve("auxblob");
      byte[] certs = fs.exists(aux) ? fs.readBytes(aux) : new byte[0];
      long g1 = generation(dir);
      if (g1 != g0 + writes) {
        return null;
      }
      SnpProviders.checkReturned(report, reportData, "configfs-tsm");
      return SnpEvidence.newBuilder()
          .setReport(ByteString.copyFrom(report))
          .setCertTable(ByteString.copyFrom(certs))
          .setProvider(NAME)
          .build();
    } finally {
      rmdirQuietly(dir);
    }
  }

  private long generation(Path dir) throws IOException {
    String text = fs.readText(dir.resolve("generation"));
    try {
      return Long.parseLong(text);
    } catch (NumberFormatException e) {
      throw new IOException("generation is not a number: '" + text + "'");
    }
  }

  private void rmdirQuietly(Path dir) {
    try {
      fs.rmdir(dir);
    } catch (IOException e) {
      // Best effort: a leftover instance holds no secret and is reused by no one.
    }
  }

  private static String instanceName() {
    byte[] b = new byte[8];
    RANDOM.nextBytes(b);
    return "gpucc-" + HexFormat.of().formatHex(b);
  }
}
