package dev.gpucc.attestation.gpu.validate;

import dev.gpucc.attestation.Reason;
import dev.gpucc.attestation.gpu.spdm.OpaqueData;
import dev.gpucc.proto.v1.GpuEvidence;
import dev.gpucc.proto.v1.GpuInfo;
import dev.gpucc.proto.v1.GpuPolicy;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Applies a {@link GpuPolicy} to verified GPU claims. Collects every violation; each message
 * names the field, the expected and the actual value (style rule 15). Signature, chain and nonce
 * are the verifier's business, not this class's.
 */
public final class GpuPolicyValidator {
  public static final String REQUIRED = "GPU_POLICY_GPU_REQUIRED";
  public static final String COUNT = "GPU_POLICY_GPU_COUNT";
  public static final String DUPLICATE_INDEX = "GPU_POLICY_DUPLICATE_INDEX";
  public static final String DRIVER_VERSION = "GPU_POLICY_DRIVER_VERSION";
  public static final String VBIOS_VERSION = "GPU_POLICY_VBIOS_VERSION";
  public static final String CC_MODE = "GPU_POLICY_CC_MODE";
  public static final String DEVTOOLS = "GPU_POLICY_DEVTOOLS";

  private GpuPolicyValidator() {}

  /** Rules over the set of GPUs: require_gpu, gpu_count, distinct indices. */
  public static List<Reason> validateCount(List<GpuEvidence> gpus, GpuPolicy policy) {
    List<Reason> out = new ArrayList<>();
    if (policy.getRequireGpu() && gpus.isEmpty()) {
      out.add(new Reason(REQUIRED, "gpu.require_gpu: expected GPU evidence, actual none"));
    }
    if (policy.getGpuCount() != 0 && gpus.size() != policy.getGpuCount()) {
      out.add(new Reason(COUNT, "gpu.gpu_count: expected " + policy.getGpuCount() + ", actual " + gpus.size()));
    }
    Set<Integer> seen = new HashSet<>();
    for (GpuEvidence g : gpus) {
      if (!seen.add(g.getIndex())) {
        out.add(new Reason(DUPLICATE_INDEX, "gpu index " + g.getIndex() + " appears twice"));
      }
    }
    return out;
  }

  /** Rules over one GPU's signed opaque data: allowed driver and VBIOS versions. */
  public static List<Reason> validate(String who, OpaqueData opaque, GpuPolicy policy) {
    List<Reason> out = new ArrayList<>();
    String driver = opaque.driverVersion().orElse("absent");
    if (policy.getDriverVersionsCount() > 0 && !policy.getDriverVersionsList().contains(driver)) {
      out.add(new Reason(DRIVER_VERSION,
          who + " gpu.driver_versions: expected one of " + policy.getDriverVersionsList() + ", actual " + driver));
    }
    String vbios = opaque.vbiosVersion().orElse("absent");
    if (policy.getVbiosVersionsCount() > 0
        && policy.getVbiosVersionsList().stream().noneMatch(vbios::equalsIgnoreCase)) {
      out.add(new Reason(VBIOS_VERSION,
          who + " gpu.vbios_versions: expected one of " + policy.getVbiosVersionsList() + ", actual " + vbios));
    }
    return out;
  }

  /**
   * Rules over the CC state NVML reports (nvmlSystemGetConfComputeState). Hopper evidence does
   * not carry the CC or devtools mode in signed form, so this applies to what the server states
   * (capabilities, its own start-up self-check), never to a remote verifier's signed claims.
   */
  public static List<Reason> validateModes(GpuInfo info, GpuPolicy policy) {
    List<Reason> out = new ArrayList<>();
    String who = "gpu" + info.getIndex() + ":";
    if (!info.getCcModeOn() && !policy.getAllowCcOff()) {
      out.add(new Reason(CC_MODE, who + " gpu.allow_cc_off: expected CC mode on, actual off"));
    }
    if (info.getDevtoolsModeOn() && !policy.getAllowDevtools()) {
      out.add(new Reason(DEVTOOLS, who + " gpu.allow_devtools: expected devtools mode off, actual on"));
    }
    return out;
  }
}
