package dev.gpucc.server.evidence.tdx;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.gpucc.attestation.Reason;
import dev.gpucc.attestation.Verdict;
import dev.gpucc.attestation.VerifyOptions;
import dev.gpucc.attestation.tdx.TdxEvidenceVerifier;
import dev.gpucc.attestation.tdx.abi.TdxQuoteParser;
import dev.gpucc.attestation.tdx.sim.SimulatedIntelAuthority;
import dev.gpucc.proto.v1.Evidence;
import dev.gpucc.proto.v1.TdxPolicy;
import dev.gpucc.server.evidence.CpuEvidenceProvider;
import dev.gpucc.server.evidence.EvidenceProviderException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TdxProvidersTest {
  static SimulatedIntelAuthority authority;
  @TempDir Path root;

  @BeforeAll
  static void setUp() throws Exception {
    authority = SimulatedIntelAuthority.generate();
  }

  static byte[] reportData() {
    byte[] rd = new byte[64];
    rd[1] = 7;
    return rd;
  }

  @Test
  void tdxReportReq_layoutMatchesKernel() {
    TdxReportReq r = new TdxReportReq();
    assertThat(r.size()).isEqualTo(1088);
    assertThat(r.offsetOf("reportdata")).isZero();
    assertThat(r.offsetOf("tdreport")).isEqualTo(64);
    assertThat(TdxGuestDevice.TDX_CMD_GET_REPORT0).isEqualTo(0xC4405401L);
  }

  @Test
  void sockaddrVm_is16Bytes() {
    VsockChannel.SockaddrVm a = new VsockChannel.SockaddrVm();
    assertThat(a.size()).isEqualTo(16);
    assertThat(a.offsetOf("svm_port")).isEqualTo(4);
    assertThat(a.offsetOf("svm_cid")).isEqualTo(8);
  }

  @Test
  void configfs_generationProtocol_quoteVerifies() throws Exception {
    FakeConfigfsTsm fs = new FakeConfigfsTsm(authority);
    ConfigfsTsmTdxProvider p = new ConfigfsTsmTdxProvider(root, fs);
    Evidence.Builder e = p.collect(reportData());
    assertThat(e.getTdx().getProvider()).isEqualTo("configfs-tsm");
    assertThat(e.getTdx().getSimulated()).isFalse();
    assertThat(TdxQuoteParser.parse(e.getTdx().getQuote().toByteArray()).body().reportData()).isEqualTo(reportData());
    try (var s = Files.list(root)) {
      assertThat(s.count()).as("instance removed").isZero();
    }
  }

  @Test
  void configfs_interferenceRetried() throws Exception {
    FakeConfigfsTsm fs = new FakeConfigfsTsm(authority);
    fs.interferences = 1;
    new ConfigfsTsmTdxProvider(root, fs).collect(reportData());
    assertThat(fs.mkdirs.get()).isEqualTo(2);
  }

  @Test
  void configfs_persistentInterference_fails() {
    FakeConfigfsTsm fs = new FakeConfigfsTsm(authority);
    fs.interferences = 10;
    assertThatThrownBy(() -> new ConfigfsTsmTdxProvider(root, fs).collect(reportData()))
        .isInstanceOf(EvidenceProviderException.class).hasMessageContaining("generation went from 0 to 2");
  }

  @Test
  void configfs_wrongProvider_fails() {
    FakeConfigfsTsm fs = new FakeConfigfsTsm(authority);
    fs.provider = "sev_guest";
    assertThatThrownBy(() -> new ConfigfsTsmTdxProvider(root, fs).collect(reportData()))
        .hasMessageContaining("expected tdx_guest, got 'sev_guest'");
  }

  @Test
  void configfs_missing_notSupported() {
    ConfigfsTsmTdxProvider p = new ConfigfsTsmTdxProvider(root.resolve("nope"), TsmReportFs.real());
    assertThat(p.isSupported()).isFalse();
    assertThatThrownBy(() -> p.collect(reportData())).hasMessageContaining("does not exist");
    assertThatThrownBy(() -> p.collect(new byte[10])).hasMessageContaining("exactly 64 bytes");
  }

  @Test
  void selector_neverFallsBackToSimulation() throws Exception {
    ConfigfsTsmTdxProvider missing = new ConfigfsTsmTdxProvider(root.resolve("nope"), TsmReportFs.real());
    TdxProviderSelector s = new TdxProviderSelector(missing, false, 4050);
    assertThatThrownBy(() -> s.select("auto")).hasMessageContaining("no TDX evidence interface found");
    assertThatThrownBy(() -> s.select("configfs-tsm")).hasMessageContaining("configured but");
    assertThatThrownBy(() -> s.select("qgs-vsock")).hasMessageContaining("/dev/tdx_guest is missing");
    assertThatThrownBy(() -> s.select("magic")).hasMessageContaining("unknown TDX provider");
    assertThat(s.select("simulated").simulated()).isTrue();
    ConfigfsTsmTdxProvider present = new ConfigfsTsmTdxProvider(root, new FakeConfigfsTsm(authority));
    assertThat(new TdxProviderSelector(present, true, 4050).select("auto")).isSameAs(present);
    assertThat(new TdxProviderSelector(missing, true, 4050).select("auto").name()).isEqualTo("qgs-vsock");
  }

  @Test
  void simulatedProvider_verifiesOnlyWhenAllowed() throws Exception {
    CpuEvidenceProvider p = new SimulatedTdxProvider(authority);
    Evidence.Builder e = p.collect(reportData());
    assertThat(e.getTdx().getSimulated()).isTrue();
    Verdict.Builder ok = Verdict.builder();
    new TdxEvidenceVerifier(VerifyOptions.builder().allowSimulatedAcknowledgingNoHardwareProtection(true).build())
        .verify(e.getTdx(), Optional.of(reportData()), TdxPolicy.getDefaultInstance(), ok);
    assertThat(ok.build().reasons()).isEmpty();
    assertThat(ok.build().simulated()).isTrue();
    Verdict.Builder no = Verdict.builder();
    new TdxEvidenceVerifier(VerifyOptions.defaults())
        .verify(e.getTdx(), Optional.of(reportData()), TdxPolicy.getDefaultInstance(), no);
    assertThat(no.build().reasons()).extracting(Reason::code).contains("SIMULATED_NOT_ALLOWED");
  }
}
