package dev.gpucc.attestation.gpu.rim;

import dev.gpucc.attestation.AttestationVerificationException;
import dev.gpucc.attestation.Hex;
import dev.gpucc.attestation.gpu.spdm.MeasurementBlock;
import dev.gpucc.attestation.gpu.spdm.OpaqueDataType;
import dev.gpucc.attestation.gpu.spdm.SpdmEvidence;
import dev.gpucc.attestation.gpu.verify.GpuCodes;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Compares runtime measurement blocks with the golden values of a driver RIM and a VBIOS RIM,
 * following nvtrust (evidence-formats §4.8): only active entries count; one index active in both
 * RIMs is an error; more active golden entries than runtime blocks is an error; RIM index i is
 * compared with SPDM block i+1, whose size must equal the declared size and whose value must
 * equal one of the alternatives. RIM index 35 is skipped when NVDEC0_STATUS is 0x55 (NVDEC0
 * disabled): the rule nvtrust intends and the test-vector README applies.
 */
public final class RimComparator {
  /** RIM index of the NVDEC0-dependent measurement. */
  public static final int NVDEC0_RIM_INDEX = 35;

  private RimComparator() {}

  public static RimComparison compare(SpdmEvidence evidence, RimDocument driver, RimDocument vbios)
      throws AttestationVerificationException {
    Set<Integer> driverIdx = indices(driver.active());
    Set<Integer> overlap = new HashSet<>(indices(vbios.active()));
    overlap.retainAll(driverIdx);
    if (!overlap.isEmpty()) {
      throw new AttestationVerificationException(
          GpuCodes.RIM_OVERLAP,
          "indices " + overlap + " are active in both the driver and the VBIOS RIM");
    }
    int golden = driver.active().size() + vbios.active().size();
    if (golden > evidence.blocks().size()) {
      throw new AttestationVerificationException(
          GpuCodes.RIM_MISMATCH,
          "RIMs have " + golden + " active measurements, the evidence only "
              + evidence.blocks().size() + " blocks");
    }
    boolean nvdecDisabled =
        evidence.opaque().statusByte(OpaqueDataType.NVDEC0_STATUS)
            .map(v -> v == OpaqueDataType.NVDEC0_DISABLED).orElse(false);
    List<String> skipped = new ArrayList<>();
    List<RimComparison.Mismatch> mismatches = new ArrayList<>();
    int dc = compareAll("driver", driver, evidence, nvdecDisabled, skipped, mismatches);
    int vc = compareAll("vbios", vbios, evidence, nvdecDisabled, skipped, mismatches);
    return new RimComparison(driver.active().size(), dc, vbios.active().size(), vc, skipped, mismatches);
  }

  private static int compareAll(
      String which, RimDocument rim, SpdmEvidence ev, boolean nvdecDisabled,
      List<String> skipped, List<RimComparison.Mismatch> mismatches) {
    int compared = 0;
    for (RimMeasurement m : rim.active()) {
      if (m.index() == NVDEC0_RIM_INDEX && nvdecDisabled) {
        skipped.add(which + " index 35 (NVDEC0_STATUS=0x55: NVDEC0 disabled)");
        continue;
      }
      compared++;
      Optional<MeasurementBlock> block = ev.block(m.index() + 1);
      if (block.isEmpty()) {
        mismatches.add(new RimComparison.Mismatch(which, m.index(), "no runtime block " + (m.index() + 1)));
        continue;
      }
      MeasurementBlock b = block.get();
      if (b.valueSize() != m.size()) {
        mismatches.add(new RimComparison.Mismatch(which, m.index(),
            "size " + b.valueSize() + " != declared " + m.size()));
        continue;
      }
      if (m.alternatives().stream().noneMatch(b::valueEquals)) {
        List<String> alts = m.alternatives().stream().map(Hex::encode).toList();
        mismatches.add(new RimComparison.Mismatch(which, m.index(),
            "runtime " + Hex.encode(b.value()) + " not in " + alts));
      }
    }
    return compared;
  }

  private static Set<Integer> indices(List<RimMeasurement> l) {
    Set<Integer> s = new HashSet<>();
    l.forEach(m -> s.add(m.index()));
    return s;
  }
}
