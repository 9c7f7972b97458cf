package dev.gpucc.attestation.snp.verify;

import dev.gpucc.attestation.Digests;
import dev.gpucc.attestation.Hex;
import dev.gpucc.attestation.Reason;
import dev.gpucc.attestation.snp.abi.SnpProductLine;
import dev.gpucc.attestation.snp.abi.SnpReport;
import dev.gpucc.attestation.snp.abi.TcbLayout;
import dev.gpucc.attestation.snp.abi.TcbVersion;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.OptionalInt;

/**
 * The bindings between a report and the certificate of the key that signed it (evidence-formats
 * §1.9, §1.12 step 5): the certificate's SPL extensions equal REPORTED_TCB (the VCEK is derived
 * from it), a VCEK's hwID equals CHIP_ID, a VLEK carries no hwID and a VCEK no csp_id.
 */
public final class VekBinding {
  private VekBinding() {}

  /** @return every binding failure (empty when all hold) */
  public static List<Reason> check(
      SnpReport report, VekExtensions ext, SnpChainVerifier.KeyKind kind, SnpProductLine line) {
    List<Reason> out = new ArrayList<>();
    checkTcb(report.reportedTcb(), ext, line, out);
    if (kind == SnpChainVerifier.KeyKind.VCEK) {
      if (ext.cspId().isPresent()) {
        out.add(new Reason("SNP_VEK_EXTENSION", "VCEK certificate carries a csp_id extension (only VLEKs do)"));
      }
      if (!report.chipIdMasked()) {
        // A masked (all-zero) CHIP_ID cannot be compared; the caller warns about it.
        checkHwId(report, ext, line, out);
      }
    } else if (ext.hwId().isPresent()) {
      out.add(new Reason("SNP_VEK_EXTENSION", "VLEK certificate carries a hwID extension (only VCEKs do)"));
    }
    return out;
  }

  private static void checkTcb(TcbVersion reported, VekExtensions ext, SnpProductLine line, List<Reason> out) {
    TcbVersion.Parts p = reported.decode(line.tcbLayout());
    List<String> diffs = new ArrayList<>();
    compare(diffs, "blSPL", ext.blSpl(), p.bootloader());
    compare(diffs, "teeSPL", ext.teeSpl(), p.tee());
    compare(diffs, "snpSPL", ext.snpSpl(), p.snp());
    compare(diffs, "ucodeSPL", ext.ucodeSpl(), p.microcode());
    if (line.tcbLayout() == TcbLayout.TURIN) {
      compare(diffs, "fmcSPL", ext.fmcSpl(), p.fmc());
    }
    if (!diffs.isEmpty()) {
      out.add(new Reason("SNP_TCB_MISMATCH", "VCEK/VLEK TCB extensions vs REPORTED_TCB ("
          + reported.hex() + " = " + p + "): " + String.join(", ", diffs)));
    }
  }

  private static void compare(List<String> diffs, String name, OptionalInt cert, int report) {
    if (cert.isEmpty()) {
      diffs.add(name + " expected " + report + ", certificate has none");
    } else if (cert.getAsInt() != report) {
      diffs.add(name + " expected " + report + " (report), certificate has " + cert.getAsInt());
    }
  }

  private static void checkHwId(SnpReport report, VekExtensions ext, SnpProductLine line, List<Reason> out) {
    byte[] chip = report.chipId();
    if (ext.hwId().isEmpty()) {
      out.add(new Reason("SNP_HWID_MISMATCH", "VCEK certificate has no hwID extension; CHIP_ID is "
          + Hex.encode(chip)));
      return;
    }
    byte[] hw = ext.hwId().get();
    // Turin VCEKs carry the 8-byte chip id; the report pads it with 56 zero bytes.
    byte[] expected = hw.length == 8 ? Arrays.copyOf(hw, 64) : hw;
    if (!Digests.equal(expected, chip)) {
      out.add(new Reason("SNP_HWID_MISMATCH", "VCEK hwID vs CHIP_ID: expected " + Hex.encode(hw)
          + " (certificate), got " + Hex.encode(chip) + " (report, product " + line.kdsName() + ")"));
    }
  }
}
