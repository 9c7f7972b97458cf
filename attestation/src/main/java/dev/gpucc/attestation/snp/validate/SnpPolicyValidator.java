package dev.gpucc.attestation.snp.validate;

import dev.gpucc.attestation.Hex;
import dev.gpucc.attestation.Verdict;
import dev.gpucc.attestation.snp.abi.FirmwareVersion;
import dev.gpucc.attestation.snp.abi.GuestPolicy;
import dev.gpucc.attestation.snp.abi.SignerInfo;
import dev.gpucc.attestation.snp.abi.SnpReport;
import dev.gpucc.attestation.snp.abi.TcbVersion;
import dev.gpucc.proto.v1.SnpPolicy;
import dev.gpucc.proto.v1.SnpTcb;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Applies an {@link SnpPolicy} to a verified report's claims. Every violation is reported with the
 * policy key, the expected and the actual value (docs/SNP.md lists the keys and defaults).
 */
public final class SnpPolicyValidator {
  private final SnpPolicy p;
  private final Verdict.Builder out;

  private SnpPolicyValidator(SnpPolicy p, Verdict.Builder out) {
    this.p = p;
    this.out = out;
  }

  public static void validate(SnpReport r, boolean turinLayout, SnpPolicy policy, Verdict.Builder out) {
    SnpPolicyValidator v = new SnpPolicyValidator(policy, out);
    v.guestPolicy(r.policy());
    v.identity(r);
    v.tcb(r, turinLayout);
    v.firmware(r.currentFirmware());
    v.platform(r);
  }

  private void guestPolicy(GuestPolicy g) {
    if (g.debug() && !p.getAllowDebug()) {
      out.reject("SNP_POLICY_DEBUG", "snp.allowDebug: the guest policy allows debugging (POLICY bit 19 set): the host can read guest memory");
    }
    if (!g.reservedOne()) {
      out.reject("SNP_POLICY_RESERVED", "guest POLICY bit 17 must be 1, got 0");
    }
    if (g.smt() && p.hasAllowSmt() && !p.getAllowSmt()) {
      out.reject("SNP_POLICY_SMT", "snp.allowSmt: expected SMT disallowed, guest policy allows SMT");
    }
    if (g.migrateMa() && !p.getAllowMigrationAgent()) {
      out.reject("SNP_POLICY_MIGRATION_AGENT", "snp.allowMigrationAgent: the guest policy allows a migration agent");
    }
    if (p.getRequireSingleSocket() && !g.singleSocket()) {
      out.reject("SNP_POLICY_SINGLE_SOCKET", "snp.requireSingleSocket: expected SINGLE_SOCKET=1, got 0");
    }
  }

  private void identity(SnpReport r) {
    if (p.hasVmpl() && r.vmpl() != p.getVmpl()) {
      expect("SNP_VMPL", "snp.vmpl", String.valueOf(p.getVmpl()), String.valueOf(r.vmpl()));
    }
    if (r.guestSvn() < p.getMinGuestSvn()) {
      expect("SNP_GUEST_SVN", "snp.minGuestSvn", ">= " + p.getMinGuestSvn(), String.valueOf(r.guestSvn()));
    }
    if (!p.getReportVersionsList().isEmpty() && !p.getReportVersionsList().contains(r.version())) {
      expect("SNP_REPORT_VERSION", "snp.reportVersions", p.getReportVersionsList().toString(), String.valueOf(r.version()));
    }
    if (r.signerInfo().signingKey() == SignerInfo.SigningKey.VLEK && p.hasAllowVlek() && !p.getAllowVlek()) {
      out.reject("SNP_VLEK_NOT_ALLOWED", "snp.allowVlek: the report is VLEK-signed and the policy allows only VCEK");
    }
    oneOf("SNP_MEASUREMENT", "snp.measurements", p.getMeasurementsList(), r.measurement());
    oneOf("SNP_ID_KEY", "snp.idKeyDigests", p.getIdKeyDigestsList(), r.idKeyDigest());
    oneOf("SNP_AUTHOR_KEY", "snp.authorKeyDigests", p.getAuthorKeyDigestsList(), r.authorKeyDigest());
    oneOf("SNP_CHIP_ID", "snp.chipIds", p.getChipIdsList(), r.chipId());
    exact("SNP_HOST_DATA", "snp.hostData", p.getHostData(), r.hostData());
    exact("SNP_FAMILY_ID", "snp.familyId", p.getFamilyId(), r.familyId());
    exact("SNP_IMAGE_ID", "snp.imageId", p.getImageId(), r.imageId());
    exact("SNP_REPORT_DATA_MISMATCH", "snp.reportData", p.getReportData(), r.reportData());
  }

  private void tcb(SnpReport r, boolean turin) {
    if (!p.hasMinTcb()) {
      return;
    }
    SnpTcb min = p.getMinTcb();
    Map<String, Long> tcbs = Map.of("current", r.currentTcbRaw(), "committed", r.committedTcbRaw(),
        "launch", r.launchTcbRaw(), "reported", r.reportedTcbRaw());
    List<String> which = p.getApplyMinTcbToList().isEmpty()
        ? List.of("current", "committed", "launch", "reported") : p.getApplyMinTcbToList();
    for (String name : which) {
      Long raw = tcbs.get(name.toLowerCase(Locale.ROOT));
      if (raw == null) {
        continue;
      }
      TcbVersion t = TcbVersion.decode(raw, turin);
      if (!t.atLeast(min.getBootloader(), min.getTee(), min.getSnp(), min.getMicrocode(), min.getFmc())) {
        expect("SNP_TCB_TOO_LOW", "snp.minTcb (" + name + " TCB)", "bl>=" + min.getBootloader() + " tee>=" + min.getTee()
            + " snp>=" + min.getSnp() + " ucode>=" + min.getMicrocode() + (turin ? " fmc>=" + min.getFmc() : ""), t.toString());
      }
    }
  }

  private void firmware(FirmwareVersion fw) {
    if (!p.getMinFirmwareVersion().isEmpty()) {
      String[] parts = p.getMinFirmwareVersion().split("\\.");
      int major = Integer.parseInt(parts[0]);
      int minor = parts.length > 1 ? Integer.parseInt(parts[1]) : 0;
      if (!fw.atLeast(major, minor)) {
        expect("SNP_FIRMWARE_TOO_OLD", "snp.minFirmwareVersion", ">= " + p.getMinFirmwareVersion(), fw.toString());
      }
    }
    if (fw.build() < p.getMinFirmwareBuild()) {
      expect("SNP_FIRMWARE_TOO_OLD", "snp.minFirmwareBuild", ">= " + p.getMinFirmwareBuild(), String.valueOf(fw.build()));
    }
  }

  private void platform(SnpReport r) {
    for (String bit : p.getPlatformInfoRequiredList()) {
      if (!r.platformInfo().isSet(bit)) {
        expect("SNP_PLATFORM_INFO", "snp.platformInfoRequired", bit + " set", r.platformInfo().toString());
      }
    }
    for (String bit : p.getPlatformInfoForbiddenList()) {
      if (r.platformInfo().isSet(bit)) {
        expect("SNP_PLATFORM_INFO", "snp.platformInfoForbidden", bit + " clear", r.platformInfo().toString());
      }
    }
  }

  private void oneOf(String code, String key, List<String> allowed, byte[] actual) {
    if (allowed.isEmpty()) {
      return;
    }
    String hex = Hex.encode(actual);
    if (allowed.stream().noneMatch(a -> a.strip().equalsIgnoreCase(hex))) {
      expect(code, key, "one of " + allowed, hex);
    }
  }

  private void exact(String code, String key, String expected, byte[] actual) {
    if (!expected.isEmpty() && !expected.strip().equalsIgnoreCase(Hex.encode(actual))) {
      expect(code, key, expected, Hex.encode(actual));
    }
  }

  private void expect(String code, String key, String expected, String actual) {
    out.reject(code, key + ": expected " + expected + ", got " + actual);
  }
}
