package dev.gpucc.attestation.gpu;

import dev.gpucc.attestation.AttestationVerificationException;
import dev.gpucc.attestation.CertificateFiles;
import dev.gpucc.attestation.ChainVerifier;
import dev.gpucc.attestation.Digests;
import dev.gpucc.attestation.EvidenceFormatException;
import dev.gpucc.attestation.Hex;
import dev.gpucc.attestation.Reason;
import dev.gpucc.attestation.SimulatedRoots;
import dev.gpucc.attestation.Verdict;
import dev.gpucc.attestation.VerifyOptions;
import dev.gpucc.attestation.gpu.rim.RimCheck;
import dev.gpucc.attestation.gpu.spdm.OpaqueData;
import dev.gpucc.attestation.gpu.spdm.OpaqueDataType;
import dev.gpucc.attestation.gpu.spdm.SpdmEvidence;
import dev.gpucc.attestation.gpu.spdm.SpdmEvidenceParser;
import dev.gpucc.attestation.gpu.validate.GpuPolicyValidator;
import dev.gpucc.attestation.gpu.verify.FwidVerifier;
import dev.gpucc.attestation.gpu.verify.GpuCertChainVerifier;
import dev.gpucc.attestation.gpu.verify.GpuCertChainVerifier.RootKind;
import dev.gpucc.attestation.gpu.verify.GpuCodes;
import dev.gpucc.attestation.gpu.verify.OcspChecker;
import dev.gpucc.attestation.gpu.verify.SpdmSignatureVerifier;
import dev.gpucc.proto.v1.GpuEvidence;
import dev.gpucc.proto.v1.GpuPolicy;
import java.security.cert.CertificateException;
import java.security.cert.X509Certificate;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/** One run of the GPU checks for one GPU, in the order documented on GpuEvidenceVerifier. */
final class GpuEvidenceCheck {
  private final VerifyOptions options;
  private final GpuCollateralSources sources;
  private final GpuEvidence evidence;
  private final Optional<byte[]> expectedNonce;
  private final GpuPolicy policy;
  private final String p;
  private final String w;
  private final Verdict.Builder out;

  GpuEvidenceCheck(
      VerifyOptions options,
      GpuCollateralSources sources,
      GpuEvidence evidence,
      Optional<byte[]> expectedNonce,
      GpuPolicy policy,
      String prefix,
      Verdict.Builder out) {
    this.options = options;
    this.sources = sources;
    this.evidence = evidence;
    this.expectedNonce = expectedNonce;
    this.policy = policy;
    this.p = prefix;
    this.w = prefix.substring(0, prefix.length() - 1) + ":";
    this.out = out;
  }

  void run() {
    out.claim(p + "arch", evidence.getArch().isEmpty() ? "HOPPER" : evidence.getArch());
    if (!evidence.getProvider().isEmpty()) {
      out.claim(p + "provider", evidence.getProvider());
    }
    SpdmEvidence spdm;
    try {
      spdm = SpdmEvidenceParser.parse(evidence.getSpdm().toByteArray());
    } catch (EvidenceFormatException e) {
      out.reject(e.code(), w + " " + e.getMessage());
      return;
    }
    claimReport(spdm);
    checkNonce(spdm);
    List<X509Certificate> chain;
    try {
      chain = CertificateFiles.parse(evidence.getCertificateChainPem().toByteArray());
    } catch (CertificateException | RuntimeException e) {
      out.reject(GpuCodes.CHAIN_MALFORMED, w + " certificate chain does not parse: " + e.getMessage());
      return;
    }
    X509Certificate leaf = chain.get(0);
    out.claim(p + "leaf_subject", ChainVerifier.subject(leaf));
    boolean signatureOk = attempt(() -> SpdmSignatureVerifier.verify(spdm, leaf.getPublicKey(), options.provider()));
    Optional<RootKind> root = verifyChain(chain);
    attempt(() -> FwidVerifier.verify(spdm.opaque().fwid(), leaf));
    checkNvmlStrings(spdm.opaque());
    boolean trusted = signatureOk && root.isPresent();
    if (trusted) {
      checkOcsp(chain);
    } else {
      out.claim(p + "ocsp", "not checked (signature or chain failed)");
    }
    RimCheck.run(spdm, sources.rims(), policy.getRequireRimMatch(), options, p, out);
    GpuPolicyValidator.validate(w, spdm.opaque(), policy).forEach(out::reject);
  }

  private void claimReport(SpdmEvidence spdm) {
    OpaqueData o = spdm.opaque();
    out.claim(p + "nonce", Hex.encode(spdm.requestNonce()));
    out.claim(p + "driver_version", o.driverVersion().orElse("absent"));
    out.claim(p + "vbios_version", o.vbiosVersion().orElse("absent"));
    o.project().ifPresent(v -> out.claim(p + "project", v));
    o.projectSku().ifPresent(v -> out.claim(p + "project_sku", v));
    o.chipSku().ifPresent(v -> out.claim(p + "chip_sku", v));
    out.claim(p + "fwid", o.fwid().map(Hex::encode).orElse("absent (opaque data has no FWID field)"));
    o.statusByte(OpaqueDataType.NVDEC0_STATUS).ifPresent(v -> out.claim(p + "nvdec0_status", status(v)));
    o.statusByte(OpaqueDataType.PROTECTED_PCIE_STATUS)
        .ifPresent(v -> out.claim(p + "protected_pcie_status", status(v)));
    o.littleEndian(OpaqueDataType.FEATURE_FLAG).ifPresent(v -> out.claim(p + "feature_flag", featureFlag(v)));
    out.claim(p + "measurements", spdm.blocks().size());
  }

  private void checkNonce(SpdmEvidence spdm) {
    byte[] inRequest = spdm.requestNonce();
    if (!evidence.getNonce().isEmpty() && !Digests.equal(evidence.getNonce().toByteArray(), inRequest)) {
      out.reject(
          GpuCodes.NONCE_INCONSISTENT,
          w + " nonce field " + Hex.encode(evidence.getNonce().toByteArray())
              + " differs from the SPDM request nonce " + Hex.encode(inRequest));
    }
    if (expectedNonce.isEmpty()) {
      out.warn(GpuCodes.NONCE_NOT_CHECKED, w + " no expected nonce given: freshness not checked");
      return;
    }
    if (!Digests.equal(expectedNonce.get(), inRequest)) {
      out.reject(
          GpuCodes.NONCE_MISMATCH,
          w + " SPDM request nonce: expected " + Hex.encode(expectedNonce.get()) + ", actual "
              + Hex.encode(inRequest));
    }
  }

  private Optional<RootKind> verifyChain(List<X509Certificate> chain) {
    try {
      RootKind kind = GpuCertChainVerifier.verify(chain, options);
      if (kind == RootKind.SIMULATED) {
        out.simulated(true);
        out.claim(p + "simulated", true);
        out.claim(p + "root", "SIMULATED (" + SimulatedRoots.ORGANIZATION + ") sha256 "
            + SimulatedRoots.sha256Hex(chain.get(chain.size() - 1)));
      } else {
        out.claim(p + "root", "NVIDIA Device Identity CA (pinned)");
        out.claim(p + "root_supplied_is_pinned", GpuCertChainVerifier.suppliedRootIsPinned(chain));
      }
      return Optional.of(kind);
    } catch (AttestationVerificationException e) {
      for (Reason r : e.reasons()) {
        out.reject(r.code(), w + " " + r.message());
      }
      return Optional.empty();
    }
  }

  private void checkNvmlStrings(OpaqueData o) {
    // NVML strings are unsigned; they must agree with the signed opaque data (nvtrust does this).
    if (!evidence.getDriverVersion().isEmpty()
        && !evidence.getDriverVersion().equals(o.driverVersion().orElse(""))) {
      out.reject(
          GpuCodes.VERSION_INCONSISTENT,
          w + " driver_version: NVML says '" + evidence.getDriverVersion()
              + "', signed opaque data says '" + o.driverVersion().orElse("absent") + "'");
    }
    if (!evidence.getVbiosVersion().isEmpty()
        && !evidence.getVbiosVersion().equalsIgnoreCase(o.vbiosVersion().orElse(""))) {
      out.reject(
          GpuCodes.VERSION_INCONSISTENT,
          w + " vbios_version: NVML says '" + evidence.getVbiosVersion()
              + "', signed opaque data says '" + o.vbiosVersion().orElse("absent") + "'");
    }
  }

  private void checkOcsp(List<X509Certificate> chain) {
    Optional<OcspChecker> checker = sources.ocsp();
    if (checker.isEmpty()) {
      if (policy.getRequireOcsp()) {
        out.reject(GpuCodes.OCSP_UNAVAILABLE, w + " policy requires OCSP but no OCSP checker is configured (offline)");
      }
      out.claim(p + "ocsp", "not checked (offline)");
      return;
    }
    // nvtrust checks certificates 1..3 of the GPU chain (not the leaf, not the root).
    int last = Math.min(chain.size() - 2, 3);
    for (int i = 1; i <= last; i++) {
      X509Certificate cert = chain.get(i);
      X509Certificate issuer = chain.get(i + 1);
      attempt(() -> checker.get().checkNotRevoked(cert, issuer, options));
    }
    out.claim(p + "ocsp", "checked certificates 1.." + last + " with " + checker.get().describe());
  }

  private interface Check {
    void run() throws AttestationVerificationException;
  }

  private boolean attempt(Check check) {
    try {
      check.run();
      return true;
    } catch (AttestationVerificationException e) {
      for (Reason r : e.reasons()) {
        out.reject(r.code(), w + " " + r.message());
      }
      return false;
    }
  }

  private static String status(int v) {
    String meaning = v == OpaqueDataType.NVDEC0_ENABLED ? " (enabled)" : v == OpaqueDataType.NVDEC0_DISABLED ? " (disabled)" : "";
    return String.format(Locale.ROOT, "0x%02X", v) + meaning;
  }

  private static String featureFlag(long v) {
    String mode = v == 0 ? "SPT" : v == 1 ? "MPT" : v == 2 ? "PPCIE" : "unknown";
    return String.format(Locale.ROOT, "0x%04X (%s)", v, mode);
  }
}
