package dev.gpucc.server.evidence.snp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.gpucc.proto.v1.SnpEvidence;
import dev.gpucc.server.evidence.EvidenceProviderException;
import org.junit.jupiter.api.Test;

class SevGuestIoctlSnpProviderTest {
  @Test
  void extReport_retriesWithKernelSuppliedCertsLen() throws Exception {
    FakeSevGuestDevice dev = new FakeSevGuestDevice(SimAuthorities.MILAN);
    byte[] rd = SimAuthorities.reportData(9);
    SnpEvidence e = new SevGuestIoctlSnpProvider(() -> dev, 0, true).collect(rd).getSnp();
    assertThat(dev.calls).isEqualTo(2);
    assertThat(dev.lastCertsLen).isGreaterThan(4096).isEqualTo(e.getCertTable().size());
    assertThat(e.getProvider()).isEqualTo("sev-guest-ioctl");
    assertThat(SimAuthorities.verify(e, rd).reasons()).isEmpty();
    assertThat(dev.closed).isTrue();
  }

  @Test
  void plainReport_noCertTable_vmplPassed() throws Exception {
    FakeSevGuestDevice dev = new FakeSevGuestDevice(SimAuthorities.MILAN);
    byte[] rd = SimAuthorities.reportData(10);
    SnpEvidence e = new SevGuestIoctlSnpProvider(() -> dev, 2, false).collect(rd).getSnp();
    assertThat(dev.calls).isEqualTo(1);
    assertThat(dev.lastVmpl).isEqualTo(2);
    assertThat(e.getCertTable().isEmpty()).isTrue();
    assertThat(e.getReport().size()).isEqualTo(1184);
  }

  @Test
  void firmwareError_reportedWithCodes() {
    FakeSevGuestDevice dev = new FakeSevGuestDevice(SimAuthorities.MILAN);
    dev.failFwError = 0x16;
    assertThatThrownBy(() -> new SevGuestIoctlSnpProvider(() -> dev, 0, true).collect(SimAuthorities.reportData(1)))
        .isInstanceOf(EvidenceProviderException.class)
        .hasMessageContaining("errno 5").hasMessageContaining("INVALID_PARAM");
    assertThat(dev.calls).isEqualTo(1);
  }

  @Test
  void deviceCannotOpen_providerException() {
    assertThatThrownBy(() -> new SevGuestIoctlSnpProvider(() -> {
          throw new java.io.IOException("cannot open /dev/sev-guest: errno 2");
        }, 0, true).collect(SimAuthorities.reportData(1)))
        .isInstanceOf(EvidenceProviderException.class).hasMessageContaining("errno 2");
  }
}
