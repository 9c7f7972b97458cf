package dev.gpucc.server.evidence.snp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.gpucc.server.evidence.EvidenceProviderException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.OptionalInt;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SnpProviderSelectorTest {
  @TempDir Path tmp;
  private final AtomicInteger simulatedMade = new AtomicInteger();

  private int n;

  private SnpProviderSelector selector(boolean configfs, boolean device) throws Exception {
    Path base = Files.createDirectory(tmp.resolve("case" + n++));
    Path root = base.resolve("tsm/report");
    if (configfs) {
      Files.createDirectories(root);
    }
    Path dev = base.resolve("sev-guest");
    if (device) {
      Files.createFile(dev);
    }
    return new SnpProviderSelector(
        new ConfigfsTsmSnpProvider(root, OptionalInt.empty(), 1, new KernelLikeTsmFs(SimAuthorities.MILAN, "sev_guest")),
        dev,
        () -> new SevGuestIoctlSnpProvider(() -> new FakeSevGuestDevice(SimAuthorities.MILAN), 0, true),
        () -> {
          simulatedMade.incrementAndGet();
          return new SimulatedSnpProvider(SimAuthorities.MILAN);
        });
  }

  @Test
  void auto_prefersConfigfs() throws Exception {
    assertThat(selector(true, true).select(SnpProviderSelector.Mode.AUTO).name()).isEqualTo("configfs-tsm");
  }

  @Test
  void auto_fallsBackToIoctl() throws Exception {
    assertThat(selector(false, true).select(SnpProviderSelector.Mode.AUTO).name()).isEqualTo("sev-guest-ioctl");
  }

  @Test
  void auto_nothing_failsLoudlyWithoutSimulation() throws Exception {
    assertThatThrownBy(() -> selector(false, false).select(SnpProviderSelector.Mode.AUTO))
        .isInstanceOf(EvidenceProviderException.class).hasMessageContaining("no SEV-SNP interface");
    assertThat(simulatedMade).hasValue(0);
  }

  @Test
  void configuredProviderMissing_isErrorNotSimulation() throws Exception {
    assertThatThrownBy(() -> selector(false, true).select(SnpProviderSelector.Mode.CONFIGFS_TSM))
        .hasMessageContaining("configfs-tsm was configured");
    assertThatThrownBy(() -> selector(true, false).select(SnpProviderSelector.Mode.SEV_GUEST_IOCTL))
        .hasMessageContaining("sev-guest-ioctl was configured");
    assertThat(simulatedMade).hasValue(0);
  }

  @Test
  void simulated_onlyWhenAsked() throws Exception {
    var p = selector(false, false).select(SnpProviderSelector.Mode.parse("simulated"));
    assertThat(p.simulated()).isTrue();
    assertThat(p.name()).isEqualTo("simulated-snp");
    assertThat(p.collect(SimAuthorities.reportData(3)).getSnp().getSimulated()).isTrue();
    assertThat(SnpProviderSelector.Mode.parse("configfs-tsm")).isEqualTo(SnpProviderSelector.Mode.CONFIGFS_TSM);
  }
}
