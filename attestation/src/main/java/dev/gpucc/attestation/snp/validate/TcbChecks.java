package dev.gpucc.attestation.snp.validate;

import dev.gpucc.attestation.Reason;
import dev.gpucc.attestation.snp.abi.SnpProductLine;
import dev.gpucc.attestation.snp.abi.SnpReport;
import dev.gpucc.attestation.snp.abi.TcbLayout;
import dev.gpucc.attestation.snp.abi.TcbVersion;
import dev.gpucc.proto.v1.SnpPolicy;
import dev.gpucc.proto.v1.SnpTcb;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/** Minimum TCB and firmware checks (go-sev-guest validate's MinimumTCB / MinimumBuild). */
final class TcbChecks {
  private TcbChecks() {}

  static void checkMinTcb(
      SnpReport report, Optional<SnpProductLine> line, SnpPolicy policy, List<Reason> out) {
    if (!policy.hasMinTcb()) {
      return;
    }
    Map<String, TcbVersion> all = new LinkedHashMap<>();
    all.put("current", report.currentTcb());
    all.put("committed", report.committedTcb());
    all.put("launch", report.launchTcb());
    all.put("reported", report.reportedTcb());
    List<String> which = policy.getApplyMinTcbToList().isEmpty()
        ? List.copyOf(all.keySet()) : policy.getApplyMinTcbToList();
    if (line.isEmpty()) {
      out.add(new Reason("SNP_PRODUCT_UNKNOWN",
          "min_tcb: the product line (hence the TCB layout) is unknown, TCB cannot be compared"));
      return;
    }
    TcbLayout layout = line.get().tcbLayout();
    SnpTcb min = policy.getMinTcb();
    for (String name : which) {
      TcbVersion tcb = all.get(name.toLowerCase(Locale.ROOT));
      if (tcb == null) {
        out.add(new Reason("SNP_POLICY_INVALID", "apply_min_tcb_to: expected current, committed,"
            + " launch or reported, got '" + name + "'"));
        continue;
      }
      TcbVersion.Parts p = tcb.decode(layout);
      String f = name.toLowerCase(Locale.ROOT) + "_tcb";
      atLeast(out, f + ".bootloader", p.bootloader(), min.getBootloader(), p);
      atLeast(out, f + ".tee", p.tee(), min.getTee(), p);
      atLeast(out, f + ".snp", p.snp(), min.getSnp(), p);
      atLeast(out, f + ".microcode", p.microcode(), min.getMicrocode(), p);
      if (layout == TcbLayout.TURIN) {
        atLeast(out, f + ".fmc", p.fmc(), min.getFmc(), p);
      }
    }
  }

  private static void atLeast(List<Reason> out, String field, int actual, int min, TcbVersion.Parts p) {
    if (Integer.toUnsignedLong(actual) < Integer.toUnsignedLong(min)) {
      out.add(new Reason("SNP_TCB_TOO_LOW",
          field + ": expected >= " + Integer.toUnsignedLong(min) + ", got " + actual + " (" + p + ")"));
    }
  }

  /** Current firmware (major, minor, build) must be >= (min_firmware_version, min_firmware_build). */
  static void checkFirmware(SnpReport report, SnpPolicy policy, List<Reason> out) {
    if (policy.getMinFirmwareVersion().isEmpty() && policy.getMinFirmwareBuild() == 0) {
      return;
    }
    int major = 0;
    int minor = 0;
    if (!policy.getMinFirmwareVersion().isEmpty()) {
      String[] parts = policy.getMinFirmwareVersion().split("\\.");
      try {
        if (parts.length != 2) {
          throw new NumberFormatException();
        }
        major = Integer.parseInt(parts[0]);
        minor = Integer.parseInt(parts[1]);
        if (major < 0 || major > 255 || minor < 0 || minor > 255) {
          throw new NumberFormatException();
        }
      } catch (NumberFormatException e) {
        out.add(new Reason("SNP_POLICY_INVALID", "min_firmware_version: expected \"major.minor\","
            + " got '" + policy.getMinFirmwareVersion() + "'"));
        return;
      }
    }
    SnpReport.FirmwareVersion fw = report.currentFirmware();
    long want = ((long) major << 40) | ((long) minor << 32) | Integer.toUnsignedLong(policy.getMinFirmwareBuild());
    long have = ((long) fw.major() << 40) | ((long) fw.minor() << 32) | fw.build();
    if (have < want) {
      out.add(new Reason("SNP_FIRMWARE_TOO_OLD", "current firmware: expected >= " + major + "."
          + minor + " build " + Integer.toUnsignedLong(policy.getMinFirmwareBuild()) + ", got " + fw));
    }
  }
}
