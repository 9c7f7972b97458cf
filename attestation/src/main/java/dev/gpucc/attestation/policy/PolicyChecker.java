package dev.gpucc.attestation.policy;

import dev.gpucc.attestation.Hex;
import dev.gpucc.proto.v1.GpuPolicy;
import dev.gpucc.proto.v1.Policy;
import dev.gpucc.proto.v1.SnpPolicy;
import dev.gpucc.proto.v1.TdxPolicy;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Checks a parsed policy's values (hex lengths, names, formats) and explains each problem with
 * the key's JSON path. Parsing already rejected unknown keys and wrong JSON types.
 */
public final class PolicyChecker {
  static final Set<String> TEES = Set.of("SEV_SNP", "TDX");
  static final Set<String> MODES = Set.of("", "PER_JOB", "SESSION");
  static final Set<String> TCB_KINDS = Set.of("current", "committed", "launch", "reported");
  static final Set<String> PLATFORM_INFO_BITS =
      Set.of("SMT_EN", "TSME_EN", "ECC_EN", "RAPL_DIS", "CIPHERTEXT_HIDING_EN", "ALIAS_CHECK_COMPLETE", "TIO_EN");
  static final Set<String> TCB_STATUSES = Set.of("UpToDate", "SWHardeningNeeded", "ConfigurationNeeded",
      "ConfigurationAndSWHardeningNeeded", "OutOfDate", "OutOfDateConfigurationNeeded", "Revoked",
      "TDRelaunchAdvised", "TDRelaunchAdvisedConfigurationNeeded");

  private final List<String> problems = new ArrayList<>();

  private PolicyChecker() {}

  /** Every problem found, one line each; empty when the policy is valid. */
  public static List<String> check(Policy p) {
    PolicyChecker c = new PolicyChecker();
    c.top(p);
    c.snp(p.getSnp());
    c.tdx(p.getTdx());
    c.gpu(p.getGpu());
    return List.copyOf(c.problems);
  }

  private void top(Policy p) {
    p.getSimulatedRootSha256List().forEach(h -> hex("simulatedRootSha256[]", h, 32));
    p.getAllowedTeeList().forEach(t -> oneOf("allowedTee[]", t, TEES));
    oneOf("session.mode", p.getSession().getMode(), MODES);
    if (!p.getVerificationTime().isEmpty()) {
      try {
        Instant.parse(p.getVerificationTime());
      } catch (DateTimeParseException e) {
        problems.add("verificationTime: '" + p.getVerificationTime() + "' is not an ISO-8601 instant like 2025-06-01T00:00:00Z");
      }
    }
  }

  private void snp(SnpPolicy s) {
    s.getMeasurementsList().forEach(h -> hex("snp.measurements[]", h, 48));
    optionalHex("snp.hostData", s.getHostData(), 32);
    s.getIdKeyDigestsList().forEach(h -> hex("snp.idKeyDigests[]", h, 48));
    s.getAuthorKeyDigestsList().forEach(h -> hex("snp.authorKeyDigests[]", h, 48));
    optionalHex("snp.familyId", s.getFamilyId(), 16);
    optionalHex("snp.imageId", s.getImageId(), 16);
    optionalHex("snp.reportData", s.getReportData(), 64);
    s.getChipIdsList().forEach(h -> hex("snp.chipIds[]", h, 64));
    s.getApplyMinTcbToList().forEach(k -> oneOf("snp.applyMinTcbTo[]", k, TCB_KINDS));
    s.getPlatformInfoRequiredList().forEach(k -> oneOf("snp.platformInfoRequired[]", k, PLATFORM_INFO_BITS));
    s.getPlatformInfoForbiddenList().forEach(k -> oneOf("snp.platformInfoForbidden[]", k, PLATFORM_INFO_BITS));
    if (s.hasVmpl() && s.getVmpl() > 3) {
      problems.add("snp.vmpl: must be 0..3, got " + s.getVmpl());
    }
    if (!s.getMinFirmwareVersion().isEmpty() && !s.getMinFirmwareVersion().matches("\\d{1,3}\\.\\d{1,3}")) {
      problems.add("snp.minFirmwareVersion: must be \"major.minor\" like \"1.55\", got '" + s.getMinFirmwareVersion() + "'");
    }
    s.getReportVersionsList().forEach(v -> {
      if (v < 2 || v > 5) {
        problems.add("snp.reportVersions[]: known versions are 2..5, got " + v);
      }
    });
  }

  private void tdx(TdxPolicy t) {
    t.getAllowedTcbStatusesList().forEach(s -> oneOf("tdx.allowedTcbStatuses[]", s, TCB_STATUSES));
    for (var e : java.util.Map.of("tdx.mrtd[]", t.getMrtdList(), "tdx.rtmr0[]", t.getRtmr0List(),
        "tdx.rtmr1[]", t.getRtmr1List(), "tdx.rtmr2[]", t.getRtmr2List(), "tdx.rtmr3[]", t.getRtmr3List(),
        "tdx.mrconfigid[]", t.getMrconfigidList(), "tdx.mrowner[]", t.getMrownerList(),
        "tdx.mrownerconfig[]", t.getMrownerconfigList(), "tdx.mrseam[]", t.getMrseamList()).entrySet()) {
      e.getValue().forEach(h -> hex(e.getKey(), h, 48));
    }
    optionalHex("tdx.tdAttributes", t.getTdAttributes(), 8);
    optionalHex("tdx.xfam", t.getXfam(), 8);
    optionalHex("tdx.minTeeTcbSvn", t.getMinTeeTcbSvn(), 16);
    optionalHex("tdx.reportData", t.getReportData(), 64);
  }

  private void gpu(GpuPolicy g) {
    g.getDriverVersionsList().forEach(v -> {
      if (!v.matches("\\d+(\\.\\d+)*")) {
        problems.add("gpu.driverVersions[]: '" + v + "' is not a version like 550.90.07");
      }
    });
    g.getVbiosVersionsList().forEach(v -> {
      if (!v.matches("(?i)[0-9a-f]{2}(\\.[0-9a-f]{2}){4}")) {
        problems.add("gpu.vbiosVersions[]: '" + v + "' is not a VBIOS version like 96.00.9F.00.01");
      }
    });
  }

  private void optionalHex(String key, String value, int bytes) {
    if (!value.isEmpty()) {
      hex(key, value, bytes);
    }
  }

  private void hex(String key, String value, int bytes) {
    try {
      Hex.decode(value, bytes, key);
    } catch (IllegalArgumentException e) {
      problems.add(key + ": " + e.getMessage() + " ('" + value + "')");
    }
  }

  private void oneOf(String key, String value, Set<String> allowed) {
    if (!allowed.contains(value)) {
      problems.add(key + ": '" + value + "' is not one of " + new java.util.TreeSet<>(allowed));
    }
  }
}
