package dev.gpucc.client.cli;

import dev.gpucc.proto.v1.GpuPolicy;
import dev.gpucc.proto.v1.Policy;
import dev.gpucc.proto.v1.SnpPolicy;
import dev.gpucc.proto.v1.TdxPolicy;
import java.util.Map;

/** Builds a pinned policy from the claims of accepted evidence (gpucc policy init). */
final class PolicyFromClaims {
  private PolicyFromClaims() {}

  static Policy pin(Policy base, Map<String, Object> claims) {
    Policy.Builder p = base.toBuilder();
    String tee = String.valueOf(claims.get("tee"));
    if ("SEV-SNP".equals(tee)) {
      p.clearAllowedTee().addAllowedTee("SEV_SNP");
      SnpPolicy.Builder s = p.getSnp().toBuilder();
      str(claims, "snp.measurement").ifPresent(m -> s.clearMeasurements().addMeasurements(m));
      str(claims, "snp.host_data").filter(h -> !h.matches("0*")).ifPresent(s::setHostData);
      p.setSnp(s);
    } else if ("TDX".equals(tee)) {
      p.clearAllowedTee().addAllowedTee("TDX");
      TdxPolicy.Builder t = p.getTdx().toBuilder();
      str(claims, "tdx.mrtd").ifPresent(m -> t.clearMrtd().addMrtd(m));
      str(claims, "tdx.rtmr0").ifPresent(m -> t.clearRtmr0().addRtmr0(m));
      str(claims, "tdx.rtmr1").ifPresent(m -> t.clearRtmr1().addRtmr1(m));
      str(claims, "tdx.rtmr2").ifPresent(m -> t.clearRtmr2().addRtmr2(m));
      str(claims, "tdx.mrseam").ifPresent(m -> t.clearMrseam().addMrseam(m));
      p.setTdx(t);
    }
    Object count = claims.get("gpu.count");
    if (count instanceof Number n && n.intValue() > 0) {
      GpuPolicy.Builder g = p.getGpu().toBuilder().setRequireGpu(true).setGpuCount(n.intValue());
      str(claims, "gpu0.driver_version").ifPresent(v -> g.clearDriverVersions().addDriverVersions(v));
      str(claims, "gpu0.vbios_version").ifPresent(v -> g.clearVbiosVersions().addVbiosVersions(v));
      p.setGpu(g);
    }
    return p.build();
  }

  private static java.util.Optional<String> str(Map<String, Object> claims, String key) {
    Object v = claims.get(key);
    return v == null ? java.util.Optional.empty() : java.util.Optional.of(String.valueOf(v));
  }
}
