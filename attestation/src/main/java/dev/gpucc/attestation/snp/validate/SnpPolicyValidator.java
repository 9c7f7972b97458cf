package dev.gpucc.attestation.snp.validate;

import dev.gpucc.attestation.Digests;
import dev.gpucc.attestation.Hex;
import dev.gpucc.attestation.Reason;
import dev.gpucc.attestation.snp.abi.GuestPolicy;
import dev.gpucc.attestation.snp.abi.PlatformInfo;
import dev.gpucc.attestation.snp.abi.SignerInfo;
import dev.gpucc.attestation.snp.abi.SnpProductLine;
import dev.gpucc.attestation.snp.abi.SnpReport;
import dev.gpucc.proto.v1.SnpPolicy;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * Checks a parsed (and separately verified) SNP report against an {@link SnpPolicy}
 * (proto/gpucc/v1/snp_policy.proto, documented in docs/SNP.md), evidence-formats §1.12 step 7.
 * Every violation is collected, each naming the field, the expected and the actual value.
 *
 * <p>Secure defaults with an empty policy: DEBUG rejected, MIGRATE_MA rejected, reserved policy
 * bits checked, report_data compared whenever an expected value is given. A malformed policy
 * value (bad hex, unknown name) is itself a violation (SNP_POLICY_INVALID): fail closed.
 */
public final class SnpPolicyValidator {
  private SnpPolicyValidator() {}

  /**
   * @param productLine the verified product line (decides the TCB layout); empty if unknown
   * @param expectedReportData the REPORT_DATA the caller expects (e.g. SHA-512 of a transcript)
   * @return every violation, empty when the report satisfies the policy
   */
  public static List<Reason> validate(
      SnpReport report,
      Optional<SnpProductLine> productLine,
      SnpPolicy policy,
      Optional<byte[]> expectedReportData) {
    List<Reason> out = new ArrayList<>();
    checkVersion(report, policy, out);
    checkProductLine(productLine, policy, out);
    checkGuestPolicy(report.policy(), policy, out);
    if (policy.hasVmpl() && report.vmpl() != policy.getVmpl()) {
      out.add(new Reason("SNP_VMPL_MISMATCH",
          "vmpl: expected " + policy.getVmpl() + ", got " + report.vmpl()));
    }
    TcbChecks.checkMinTcb(report, productLine, policy, out);
    TcbChecks.checkFirmware(report, policy, out);
    Bytes.oneOf(out, "measurement", "SNP_MEASUREMENT_MISMATCH", report.measurement(),
        policy.getMeasurementsList(), 48);
    if (!policy.getHostData().isEmpty()) {
      Bytes.oneOf(out, "host_data", "SNP_HOST_DATA_MISMATCH", report.hostData(),
          List.of(policy.getHostData()), 32);
    }
    Bytes.oneOf(out, "id_key_digest", "SNP_ID_KEY_DIGEST_MISMATCH", report.idKeyDigest(),
        policy.getIdKeyDigestsList(), 48);
    Bytes.oneOf(out, "author_key_digest", "SNP_AUTHOR_KEY_DIGEST_MISMATCH",
        report.authorKeyDigest(), policy.getAuthorKeyDigestsList(), 48);
    if (!policy.getFamilyId().isEmpty()) {
      Bytes.oneOf(out, "family_id", "SNP_FAMILY_ID_MISMATCH", report.familyId(),
          List.of(policy.getFamilyId()), 16);
    }
    if (!policy.getImageId().isEmpty()) {
      Bytes.oneOf(out, "image_id", "SNP_IMAGE_ID_MISMATCH", report.imageId(),
          List.of(policy.getImageId()), 16);
    }
    checkReportData(report, policy, expectedReportData, out);
    checkChipId(report, policy, out);
    checkPlatformInfo(report.platformInfo(), policy, out);
    if (report.guestSvn() < Integer.toUnsignedLong(policy.getMinGuestSvn())) {
      out.add(new Reason("SNP_GUEST_SVN_TOO_LOW", "guest_svn: expected >= "
          + Integer.toUnsignedLong(policy.getMinGuestSvn()) + ", got " + report.guestSvn()));
    }
    boolean allowVlek = !policy.hasAllowVlek() || policy.getAllowVlek();
    if (!allowVlek && report.signerInfo().signingKey() == SignerInfo.SIGNING_KEY_VLEK) {
      out.add(new Reason("SNP_VLEK_NOT_ALLOWED",
          "signing_key: expected VCEK (policy allow_vlek=false), got VLEK"));
    }
    return out;
  }

  private static void checkVersion(SnpReport report, SnpPolicy policy, List<Reason> out) {
    if (!policy.getReportVersionsList().isEmpty()
        && !policy.getReportVersionsList().contains(report.version())) {
      out.add(new Reason("SNP_REPORT_VERSION_NOT_ALLOWED",
          "version: expected one of " + policy.getReportVersionsList() + ", got " + report.version()));
    }
  }

  private static void checkProductLine(
      Optional<SnpProductLine> line, SnpPolicy policy, List<Reason> out) {
    if (policy.getProductLinesList().isEmpty()) {
      return;
    }
    for (String name : policy.getProductLinesList()) {
      if (SnpProductLine.fromName(name).isEmpty()) {
        out.add(new Reason("SNP_POLICY_INVALID",
            "product_lines: expected Milan, Genoa or Turin, got '" + name + "'"));
        return;
      }
    }
    boolean ok = line.isPresent() && policy.getProductLinesList().stream()
        .anyMatch(n -> SnpProductLine.fromName(n).equals(line));
    if (!ok) {
      out.add(new Reason("SNP_PRODUCT_NOT_ALLOWED", "product line: expected one of "
          + policy.getProductLinesList() + ", got " + line.map(SnpProductLine::kdsName).orElse("unknown")));
    }
  }

  private static void checkGuestPolicy(GuestPolicy gp, SnpPolicy policy, List<Reason> out) {
    String actual = " (policy " + gp.describe() + ")";
    if (gp.debug() && !policy.getAllowDebug()) {
      out.add(new Reason("SNP_POLICY_DEBUG",
          "policy.DEBUG: expected 0 (debugging lets the host read guest memory), got 1" + actual));
    }
    boolean allowSmt = !policy.hasAllowSmt() || policy.getAllowSmt();
    if (gp.smt() && !allowSmt) {
      out.add(new Reason("SNP_POLICY_SMT", "policy.SMT: expected 0 (allow_smt=false), got 1" + actual));
    }
    if (gp.migrateMa() && !policy.getAllowMigrationAgent()) {
      out.add(new Reason("SNP_POLICY_MIGRATE_MA",
          "policy.MIGRATE_MA: expected 0 (allow_migration_agent=false), got 1" + actual));
    }
    if (policy.getRequireSingleSocket() && !gp.singleSocket()) {
      out.add(new Reason("SNP_POLICY_SINGLE_SOCKET",
          "policy.SINGLE_SOCKET: expected 1 (require_single_socket=true), got 0" + actual));
    }
    if (!gp.reservedOne()) {
      out.add(new Reason("SNP_POLICY_RESERVED", "policy bit 17: expected 1 (reserved, must be one), got 0" + actual));
    }
    if (gp.reservedBits() != 0) {
      out.add(new Reason("SNP_POLICY_RESERVED", "policy bits 63:26: expected 0 (reserved), got 0x"
          + Long.toHexString(gp.reservedBits()) + actual));
    }
  }

  private static void checkReportData(
      SnpReport report, SnpPolicy policy, Optional<byte[]> expected, List<Reason> out) {
    byte[] actual = report.reportData();
    if (expected.isPresent() && !Digests.equal(expected.get(), actual)) {
      out.add(new Reason("SNP_REPORT_DATA_MISMATCH",
          "report_data: expected " + Hex.encode(expected.get()) + ", got " + Hex.encode(actual)));
    }
    if (!policy.getReportData().isEmpty()) {
      Bytes.oneOf(out, "report_data", "SNP_REPORT_DATA_MISMATCH", actual,
          List.of(policy.getReportData()), 64);
    }
  }

  private static void checkChipId(SnpReport report, SnpPolicy policy, List<Reason> out) {
    if (policy.getChipIdsList().isEmpty()) {
      return;
    }
    byte[] chip = report.chipId();
    for (String allowed : policy.getChipIdsList()) {
      Optional<byte[]> want = Bytes.decode(out, "chip_ids", allowed);
      if (want.isEmpty()) {
        return;
      }
      // Turin chip ids are 8 bytes; the report pads them with 56 zero bytes.
      byte[] padded = Arrays.copyOf(want.get(), 64);
      if (want.get().length <= 64 && Digests.equal(padded, chip)) {
        return;
      }
    }
    out.add(new Reason("SNP_CHIP_ID_NOT_ALLOWED",
        "chip_id: expected one of " + policy.getChipIdsList() + ", got " + Hex.encode(chip)));
  }

  private static void checkPlatformInfo(PlatformInfo info, SnpPolicy policy, List<Reason> out) {
    for (String name : policy.getPlatformInfoRequiredList()) {
      OptionalInt bit = bitOf(name, out);
      if (bit.isPresent() && !info.bit(bit.getAsInt())) {
        out.add(new Reason("SNP_PLATFORM_INFO",
            "platform_info." + name + ": expected 1, got 0 (platform_info " + info.describe() + ")"));
      }
    }
    for (String name : policy.getPlatformInfoForbiddenList()) {
      OptionalInt bit = bitOf(name, out);
      if (bit.isPresent() && info.bit(bit.getAsInt())) {
        out.add(new Reason("SNP_PLATFORM_INFO",
            "platform_info." + name + ": expected 0, got 1 (platform_info " + info.describe() + ")"));
      }
    }
  }

  private static OptionalInt bitOf(String name, List<Reason> out) {
    OptionalInt bit = PlatformInfo.bitOf(name);
    if (bit.isEmpty()) {
      out.add(new Reason("SNP_POLICY_INVALID", "platform_info flag name: expected one of SMT_EN,"
          + " TSME_EN, ECC_EN, RAPL_DIS, CIPHERTEXT_HIDING_EN, ALIAS_CHECK_COMPLETE, TIO_EN, got '"
          + name + "'"));
    }
    return bit;
  }
}
