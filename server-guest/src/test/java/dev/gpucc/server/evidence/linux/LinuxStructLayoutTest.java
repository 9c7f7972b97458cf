package dev.gpucc.server.evidence.linux;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** JNA layouts must equal the C layouts of sev-guest.h (evidence-formats §2.1, x86-64). */
class LinuxStructLayoutTest {
  static final class Ioctl extends SnpGuestRequestIoctl {
    int off(String f) {
      return fieldOffset(f);
    }
  }

  static final class Req extends SnpReportReq {
    int off(String f) {
      return fieldOffset(f);
    }
  }

  static final class ExtReq extends SnpExtReportReq {
    int off(String f) {
      return fieldOffset(f);
    }
  }

  @Test
  void snpGuestRequestIoctl_is32Bytes() {
    Ioctl s = new Ioctl();
    assertThat(s.size()).isEqualTo(SnpGuestRequestIoctl.SIZE).isEqualTo(32);
    assertThat(s.off("msg_version")).isZero();
    assertThat(s.off("req_data")).isEqualTo(8);
    assertThat(s.off("resp_data")).isEqualTo(16);
    assertThat(s.off("exitinfo2")).isEqualTo(24);
    s.exitinfo2 = (1L << 32) | 0x16;
    assertThat(s.fwError()).isEqualTo(0x16);
    assertThat(s.vmmError()).isEqualTo(1);
  }

  @Test
  void snpReportReq_is96Bytes() {
    Req s = new Req();
    assertThat(s.size()).isEqualTo(96);
    assertThat(s.off("user_data")).isZero();
    assertThat(s.off("vmpl")).isEqualTo(64);
    assertThat(s.off("rsvd")).isEqualTo(68);
  }

  @Test
  void snpExtReportReq_is112Bytes() {
    ExtReq s = new ExtReq();
    assertThat(s.size()).isEqualTo(112);
    assertThat(s.off("data")).isZero();
    assertThat(s.off("certs_address")).isEqualTo(96);
    assertThat(s.off("certs_len")).isEqualTo(104);
  }

  @Test
  void ioctlNumbers() {
    // _IOWR('S', nr, 32-byte struct) = 0xC0000000 | (32 << 16) | ('S' << 8) | nr
    assertThat(SevGuestAbi.SNP_GET_REPORT).isEqualTo(0xC0000000L | (32L << 16) | ('S' << 8));
    assertThat(SevGuestAbi.SNP_GET_EXT_REPORT).isEqualTo(0xC0000000L | (32L << 16) | ('S' << 8) | 2);
  }
}
