package dev.gpucc.attestation.snp.validate;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gpucc.attestation.Hex;
import dev.gpucc.attestation.Reason;
import dev.gpucc.attestation.snp.SnpVectors;
import dev.gpucc.attestation.snp.abi.SnpProductLine;
import dev.gpucc.attestation.snp.abi.SnpReport;
import dev.gpucc.proto.v1.SnpPolicy;
import dev.gpucc.proto.v1.SnpTcb;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class SnpPolicyValidatorTest {
  private static final Optional<SnpProductLine> GENOA = Optional.of(SnpProductLine.GENOA);

  static SnpReport genoa() throws Exception {
    return SnpReport.parse(SnpVectors.bytes("snp/genoa-v3-azure-hcl/derived/snp_report.bin"));
  }

  static SnpReport vlek() throws Exception {
    return SnpReport.parse(SnpVectors.bytes("snp/milan-v3-vlek-trustee/test-vlek-report.bin"));
  }

  static List<String> codes(List<Reason> r) {
    return r.stream().map(Reason::code).toList();
  }

  @Test
  void everyFieldSatisfied_noViolation() throws Exception {
    SnpReport r = genoa();
    SnpPolicy p = SnpPolicy.newBuilder()
        .setAllowSmt(true).setVmpl(0)
        .setMinTcb(SnpTcb.newBuilder().setBootloader(10).setSnp(23).setMicrocode(84))
        .setMinFirmwareVersion("1.55").setMinFirmwareBuild(40)
        .addMeasurements("00".repeat(48)).addMeasurements(Hex.encode(r.measurement()).toUpperCase())
        .setHostData(Hex.encode(r.hostData()))
        .addIdKeyDigests(Hex.encode(r.idKeyDigest()))
        .addAuthorKeyDigests(Hex.encode(r.authorKeyDigest()))
        .setFamilyId(Hex.encode(r.familyId())).setImageId(Hex.encode(r.imageId()))
        .setReportData(Hex.encode(r.reportData()))
        .addChipIds(Hex.encode(r.chipId()))
        .addPlatformInfoRequired("ECC_EN").addPlatformInfoRequired("alias_check_complete")
        .addPlatformInfoForbidden("TIO_EN")
        .setMinGuestSvn(65547).setAllowVlek(false).addReportVersions(3).addProductLines("Genoa")
        .build();
    assertThat(SnpPolicyValidator.validate(r, GENOA, p, Optional.of(r.reportData()))).isEmpty();
  }

  @Test
  void everyFieldViolated_allCollected() throws Exception {
    SnpReport r = genoa();
    SnpPolicy p = SnpPolicy.newBuilder()
        .setAllowSmt(false).setVmpl(2).setRequireSingleSocket(true)
        .setMinTcb(SnpTcb.newBuilder().setBootloader(11).setTee(1).setSnp(24).setMicrocode(85))
        .addApplyMinTcbTo("reported")
        .setMinFirmwareVersion("1.56")
        .addMeasurements("00".repeat(48))
        .setHostData("11".repeat(32))
        .addIdKeyDigests("22".repeat(48))
        .addAuthorKeyDigests("33".repeat(48))
        .setFamilyId("44".repeat(16)).setImageId("55".repeat(16))
        .setReportData("66".repeat(64))
        .addChipIds("77".repeat(64))
        .addPlatformInfoRequired("TSME_EN").addPlatformInfoForbidden("ECC_EN")
        .setMinGuestSvn(65548).addReportVersions(5).addProductLines("Milan")
        .build();
    List<Reason> v = SnpPolicyValidator.validate(r, GENOA, p, Optional.of(new byte[64]));
    assertThat(codes(v)).containsExactlyInAnyOrder(
        "SNP_REPORT_VERSION_NOT_ALLOWED", "SNP_PRODUCT_NOT_ALLOWED", "SNP_POLICY_SMT",
        "SNP_POLICY_SINGLE_SOCKET", "SNP_VMPL_MISMATCH",
        "SNP_TCB_TOO_LOW", "SNP_TCB_TOO_LOW", "SNP_TCB_TOO_LOW", "SNP_TCB_TOO_LOW",
        "SNP_FIRMWARE_TOO_OLD", "SNP_MEASUREMENT_MISMATCH", "SNP_HOST_DATA_MISMATCH",
        "SNP_ID_KEY_DIGEST_MISMATCH", "SNP_AUTHOR_KEY_DIGEST_MISMATCH", "SNP_FAMILY_ID_MISMATCH",
        "SNP_IMAGE_ID_MISMATCH", "SNP_REPORT_DATA_MISMATCH", "SNP_REPORT_DATA_MISMATCH",
        "SNP_CHIP_ID_NOT_ALLOWED", "SNP_PLATFORM_INFO", "SNP_PLATFORM_INFO", "SNP_GUEST_SVN_TOO_LOW");
    assertThat(v).extracting(Reason::message).contains(
        "vmpl: expected 2, got 0",
        "reported_tcb.bootloader: expected >= 11, got 10 (bl=10 tee=0 snp=23 ucode=84)",
        "current firmware: expected >= 1.56 build 0, got 1.55 build 40",
        "guest_svn: expected >= 65548, got 65547",
        "host_data: expected " + "11".repeat(32) + ", got " + Hex.encode(r.hostData()));
  }

  @Test
  void debugAndMigrationAgent_rejectedByDefault_allowedByPolicy() throws Exception {
    SnpReport r = SnpReport.parse(SnpVectors.bytes("snp/milan-v2-go-sev-guest/attestation.bin"));
    assertThat(codes(SnpPolicyValidator.validate(r, Optional.of(SnpProductLine.MILAN),
        SnpPolicy.getDefaultInstance(), Optional.empty()))).containsExactly("SNP_POLICY_DEBUG");
    assertThat(SnpPolicyValidator.validate(r, Optional.of(SnpProductLine.MILAN),
        SnpPolicy.newBuilder().setAllowDebug(true).build(), Optional.empty())).isEmpty();
  }

  @Test
  void vlekDisallowed_andVmpl() throws Exception {
    List<Reason> v = SnpPolicyValidator.validate(vlek(), Optional.of(SnpProductLine.MILAN),
        SnpPolicy.newBuilder().setAllowVlek(false).setVmpl(0).build(), Optional.empty());
    assertThat(codes(v)).containsExactlyInAnyOrder("SNP_VLEK_NOT_ALLOWED", "SNP_VMPL_MISMATCH");
    assertThat(v).extracting(Reason::message).contains("vmpl: expected 0, got 1");
  }

  @Test
  void minTcb_appliesToNamedTcbsOnly() throws Exception {
    // VLEK vector: reported ...18d9 (ucode 217), committed/launch ...18db (219), current ...18dc (220)
    SnpPolicy p = SnpPolicy.newBuilder().setMinTcb(SnpTcb.newBuilder().setMicrocode(219))
        .addApplyMinTcbTo("current").addApplyMinTcbTo("committed").build();
    assertThat(SnpPolicyValidator.validate(vlek(), Optional.of(SnpProductLine.MILAN), p, Optional.empty())).isEmpty();
    SnpPolicy all = SnpPolicy.newBuilder().setMinTcb(SnpTcb.newBuilder().setMicrocode(219)).build();
    assertThat(SnpPolicyValidator.validate(vlek(), Optional.of(SnpProductLine.MILAN), all, Optional.empty()))
        .extracting(Reason::message).containsExactly(
            "reported_tcb.microcode: expected >= 219, got 217 (bl=4 tee=0 snp=24 ucode=217)");
  }

  @Test
  void minTcb_unknownProduct_rejected() throws Exception {
    SnpPolicy p = SnpPolicy.newBuilder().setMinTcb(SnpTcb.newBuilder().setSnp(1)).build();
    assertThat(codes(SnpPolicyValidator.validate(vlek(), Optional.empty(), p, Optional.empty())))
        .containsExactly("SNP_PRODUCT_UNKNOWN");
  }

  @Test
  void malformedPolicyValues_failClosed() throws Exception {
    SnpPolicy p = SnpPolicy.newBuilder()
        .addMeasurements("zz").setHostData("00").addPlatformInfoRequired("NOPE")
        .addApplyMinTcbTo("future").setMinTcb(SnpTcb.getDefaultInstance())
        .setMinFirmwareVersion("one.two").addProductLines("Venice").build();
    List<Reason> v = SnpPolicyValidator.validate(genoa(), GENOA, p, Optional.empty());
    assertThat(codes(v)).containsOnly("SNP_POLICY_INVALID").hasSize(6);
  }

  /** The validator looks at parsed fields only, so edited (unsigned) copies are fine here. */
  static SnpReport edited(int offset, String hex) throws Exception {
    byte[] b = SnpVectors.bytes("snp/genoa-v3-azure-hcl/derived/snp_report.bin");
    java.nio.ByteBuffer.wrap(b).put(offset, Hex.decode(hex));
    return SnpReport.parse(b);
  }

  @Test
  void turinChipIdPolicy_8BytesMatchPaddedChipId() throws Exception {
    byte[] chip = new byte[64];
    System.arraycopy(Hex.decode("1e550a8ee5cf9f4d"), 0, chip, 0, 8);
    SnpReport r = edited(0x1A0, Hex.encode(chip));
    SnpPolicy ok = SnpPolicy.newBuilder().addChipIds("1e550a8ee5cf9f4d").build();
    assertThat(SnpPolicyValidator.validate(r, GENOA, ok, Optional.empty())).isEmpty();
    SnpPolicy other = SnpPolicy.newBuilder().addChipIds("1e550a8ee5cf9f4e").build();
    assertThat(codes(SnpPolicyValidator.validate(r, GENOA, other, Optional.empty())))
        .containsExactly("SNP_CHIP_ID_NOT_ALLOWED");
  }

  @Test
  void migrationAgentAndReservedPolicyBits_rejected() throws Exception {
    // POLICY = MIGRATE_MA | bit 26 (reserved) with bit 17 clear
    SnpReport r = edited(0x08, "1f00040400000000");
    List<Reason> v = SnpPolicyValidator.validate(r, GENOA, SnpPolicy.getDefaultInstance(), Optional.empty());
    assertThat(codes(v)).containsExactlyInAnyOrder("SNP_POLICY_MIGRATE_MA", "SNP_POLICY_RESERVED", "SNP_POLICY_RESERVED");
    assertThat(codes(SnpPolicyValidator.validate(r, GENOA,
        SnpPolicy.newBuilder().setAllowMigrationAgent(true).build(), Optional.empty())))
        .containsExactly("SNP_POLICY_RESERVED", "SNP_POLICY_RESERVED");
  }

  @Test
  void smtAllowedByDefault_singleSocketSatisfied() throws Exception {
    SnpReport r = edited(0x08, "1f00130000000000"); // SMT|17|SINGLE_SOCKET
    assertThat(SnpPolicyValidator.validate(r, GENOA,
        SnpPolicy.newBuilder().setRequireSingleSocket(true).build(), Optional.empty())).isEmpty();
  }
}
