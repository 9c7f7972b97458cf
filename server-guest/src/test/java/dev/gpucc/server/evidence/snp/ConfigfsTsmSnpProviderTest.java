package dev.gpucc.server.evidence.snp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.gpucc.proto.v1.SnpEvidence;
import dev.gpucc.server.evidence.EvidenceProviderException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.OptionalInt;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ConfigfsTsmSnpProviderTest {
  @TempDir Path root;

  private ConfigfsTsmSnpProvider provider(KernelLikeTsmFs fs, OptionalInt privlevel) {
    return new ConfigfsTsmSnpProvider(root, privlevel, 3, fs);
  }

  private long entries() throws Exception {
    try (Stream<Path> s = Files.list(root)) {
      return s.count();
    }
  }

  @Test
  void collect_returnsVerifiableReportAndCertTable_andRemovesInstance() throws Exception {
    KernelLikeTsmFs fs = new KernelLikeTsmFs(SimAuthorities.MILAN, "sev_guest");
    byte[] rd = SimAuthorities.reportData(1);
    SnpEvidence e = provider(fs, OptionalInt.empty()).collect(rd).getSnp();
    assertThat(e.getProvider()).isEqualTo("configfs-tsm");
    assertThat(e.getReport().size()).isEqualTo(1184);
    assertThat(e.getCertTable().isEmpty()).isFalse();
    assertThat(SimAuthorities.verify(e, rd).reasons()).isEmpty();
    assertThat(entries()).isZero();
  }

  @Test
  void privlevel_isWrittenAndCountedInGeneration() throws Exception {
    KernelLikeTsmFs fs = new KernelLikeTsmFs(SimAuthorities.MILAN, "sev_guest");
    provider(fs, OptionalInt.of(2)).collect(SimAuthorities.reportData(2));
    assertThat(fs.lastPrivlevel).isEqualTo("2\n");
  }

  @Test
  void concurrentWriter_detectedAndRetried() throws Exception {
    KernelLikeTsmFs fs = new KernelLikeTsmFs(SimAuthorities.MILAN, "sev_guest");
    fs.interferences = 1;
    byte[] rd = SimAuthorities.reportData(3);
    SnpEvidence e = provider(fs, OptionalInt.empty()).collect(rd).getSnp();
    assertThat(fs.outblobReads).isEqualTo(2);
    assertThat(SimAuthorities.verify(e, rd).reasons()).isEmpty();
    assertThat(entries()).isZero();
  }

  @Test
  void concurrentWriterEveryTime_fails() throws Exception {
    KernelLikeTsmFs fs = new KernelLikeTsmFs(SimAuthorities.MILAN, "sev_guest");
    fs.interferences = 100;
    assertThatThrownBy(() -> provider(fs, OptionalInt.empty()).collect(SimAuthorities.reportData(4)))
        .isInstanceOf(EvidenceProviderException.class)
        .hasMessageContaining("generation mismatch");
    assertThat(fs.outblobReads).isEqualTo(3);
    assertThat(entries()).isZero();
  }

  @Test
  void tdxProvider_rejected() {
    KernelLikeTsmFs fs = new KernelLikeTsmFs(SimAuthorities.MILAN, "tdx_guest");
    assertThatThrownBy(() -> provider(fs, OptionalInt.empty()).collect(SimAuthorities.reportData(5)))
        .hasMessageContaining("not sev_guest");
    assertThat(provider(fs, OptionalInt.empty()).probe()).isFalse();
  }

  @Test
  void probe_trueForSevGuest_falseWithoutRoot() throws Exception {
    assertThat(provider(new KernelLikeTsmFs(SimAuthorities.MILAN, "sev_guest"), OptionalInt.empty()).probe()).isTrue();
    assertThat(entries()).isZero();
    ConfigfsTsmSnpProvider missing = new ConfigfsTsmSnpProvider(root.resolve("nope"), OptionalInt.empty(), 1,
        new KernelLikeTsmFs(SimAuthorities.MILAN, "sev_guest"));
    assertThat(missing.probe()).isFalse();
  }

  @Test
  void wrongReportDataLength_rejectedBeforeAnyIo() throws Exception {
    KernelLikeTsmFs fs = new KernelLikeTsmFs(SimAuthorities.MILAN, "sev_guest");
    assertThatThrownBy(() -> provider(fs, OptionalInt.empty()).collect(new byte[32]))
        .hasMessageContaining("exactly 64 bytes");
    assertThat(entries()).isZero();
  }
}
