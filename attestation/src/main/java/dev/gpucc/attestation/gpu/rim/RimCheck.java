package dev.gpucc.attestation.gpu.rim;

import dev.gpucc.attestation.AttestationVerificationException;
import dev.gpucc.attestation.Reason;
import dev.gpucc.attestation.Verdict;
import dev.gpucc.attestation.VerifyOptions;
import dev.gpucc.attestation.gpu.spdm.SpdmEvidence;
import dev.gpucc.attestation.gpu.verify.GpuCodes;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The RIM step of GPU verification: get candidate RIMs, verify each one's signature and chain,
 * pick the driver RIM and the VBIOS RIM whose {@code colloquialVersion} equals the signed opaque
 * versions, compare, and record the result as claims ({@code gpuN.rim...}) and reasons.
 *
 * <p>Without RIMs the result is "not checked", a rejection only if the policy requires the RIM
 * match. A RIM that is given but invalid, or a mismatch, is always a rejection.
 */
public final class RimCheck {
  private RimCheck() {}

  public static void run(
      SpdmEvidence spdm, Optional<RimProvider> provider, boolean required, VerifyOptions options,
      String prefix, Verdict.Builder out) {
    String who = prefix.substring(0, prefix.length() - 1) + ":";
    if (provider.isEmpty()) {
      out.claim(prefix + "rim", "not checked (no RIMs given)");
      if (required) {
        out.reject(GpuCodes.RIM_UNAVAILABLE, who + " policy requires the RIM match but no RIMs are available");
      }
      return;
    }
    RimIds ids = RimIds.from(spdm.opaque());
    List<byte[]> docs;
    try {
      docs = provider.get().rimsFor(ids);
    } catch (IOException e) {
      out.claim(prefix + "rim", "not checked (RIMs could not be fetched)");
      out.reject(GpuCodes.RIM_UNAVAILABLE, who + " cannot get RIMs for " + ids.driverId().orElse("?")
          + " / " + ids.vbiosId().orElse("?") + ": " + e.getMessage());
      return;
    }
    RimDocument driver = null;
    RimDocument vbios = null;
    List<Reason> problems = new ArrayList<>();
    for (byte[] doc : docs) {
      RimDocument rim;
      try {
        rim = RimSignatureVerifier.verify(doc, options);
      } catch (AttestationVerificationException e) {
        e.reasons().forEach(r -> problems.add(new Reason(r.code(), who + " " + r.message())));
        continue;
      }
      if (rim.looksLikeVbios() && rim.colloquialVersion().equalsIgnoreCase(ids.vbiosVersion())) {
        vbios = vbios == null ? rim : ambiguous(problems, who, "VBIOS", vbios, rim);
      } else if (!rim.looksLikeVbios() && rim.colloquialVersion().equals(ids.driverVersion())) {
        driver = driver == null ? rim : ambiguous(problems, who, "driver", driver, rim);
      }
    }
    problems.forEach(out::reject);
    if (!problems.isEmpty()) {
      out.claim(prefix + "rim", "FAILED (a RIM is invalid)");
      return;
    }
    if (driver == null || vbios == null) {
      String missing = (driver == null ? "driver " + ids.driverVersion() : "")
          + (driver == null && vbios == null ? " and " : "")
          + (vbios == null ? "VBIOS " + ids.vbiosVersion() : "");
      out.claim(prefix + "rim", "not checked (no RIM for " + missing + ")");
      String msg = who + " no valid RIM for " + missing + " among " + docs.size() + " given";
      if (required) {
        out.reject(GpuCodes.RIM_UNAVAILABLE, msg);
      } else {
        out.warn(GpuCodes.RIM_UNAVAILABLE, msg);
      }
      return;
    }
    out.claim(prefix + "rim.driver", driver.colloquialVersion() + " tag " + driver.tagId());
    out.claim(prefix + "rim.vbios", vbios.colloquialVersion() + " tag " + vbios.tagId());
    try {
      RimComparison c = RimComparator.compare(spdm, driver, vbios);
      if (!c.skipped().isEmpty()) {
        out.claim(prefix + "rim.skipped", c.skipped());
      }
      String counts = "driver " + c.driverCompared() + "/" + c.driverActive() + " compared, VBIOS "
          + c.vbiosCompared() + "/" + c.vbiosActive() + " compared";
      if (c.matches()) {
        out.claim(prefix + "rim", "MATCH (" + counts + ")");
      } else {
        out.claim(prefix + "rim", "MISMATCH at RIM indices " + c.mismatchIndices() + " (" + counts + ")");
        for (RimComparison.Mismatch m : c.mismatches()) {
          out.reject(GpuCodes.RIM_MISMATCH, who + " " + m.rim() + " RIM index " + m.rimIndex()
              + " (SPDM block " + (m.rimIndex() + 1) + "): " + m.detail());
        }
      }
    } catch (AttestationVerificationException e) {
      out.claim(prefix + "rim", "FAILED");
      e.reasons().forEach(r -> out.reject(r.code(), who + " " + r.message()));
    }
  }

  private static RimDocument ambiguous(
      List<Reason> problems, String who, String kind, RimDocument a, RimDocument b) {
    if (!a.equals(b)) {
      problems.add(new Reason(GpuCodes.RIM_MALFORMED,
          who + " two different " + kind + " RIMs for version " + a.colloquialVersion()
              + " (tags " + a.tagId() + ", " + b.tagId() + "); give exactly one"));
    }
    return a;
  }
}
