package dev.gpucc.attestation.gpu.verify;

import dev.gpucc.attestation.AttestationVerificationException;
import dev.gpucc.attestation.ChainVerifier;
import dev.gpucc.attestation.Reason;
import dev.gpucc.attestation.SimulatedRoots;
import dev.gpucc.attestation.VerifyOptions;
import java.security.cert.CertificateEncodingException;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Verifies a GPU attestation chain (leaf first; Hopper: FMC LF, GSP BROM, Provisioner ICA,
 * GH100 Identity, Device Identity CA; evidence-formats §4.6).
 *
 * <p>As nvtrust does, the device-supplied last certificate is replaced by the pinned NVIDIA
 * Device Identity CA before the walk, so trust never comes from the device. A chain whose last
 * certificate is a gpucc-simulated root is walked with that root instead, but only when the
 * options allow simulated evidence. Every certificate must be valid at {@code options.at()}.
 * Reports all independent problems (length, link to the root, walk) in one exception.
 */
public final class GpuCertChainVerifier {
  /** nvtrust MAX_CERT_CHAIN_LENGTH for the GPU chain. */
  public static final int HOPPER_CHAIN_LENGTH = 5;

  /** Which root the chain was verified against. */
  public enum RootKind {
    NVIDIA_DEVICE_IDENTITY_CA,
    SIMULATED
  }

  private GpuCertChainVerifier() {}

  public static RootKind verify(List<X509Certificate> chain, VerifyOptions options)
      throws AttestationVerificationException {
    if (chain.isEmpty()) {
      throw new AttestationVerificationException(GpuCodes.CHAIN_EMPTY, "GPU certificate chain is empty");
    }
    List<Reason> reasons = new ArrayList<>();
    if (chain.size() != HOPPER_CHAIN_LENGTH) {
      reasons.add(
          new Reason(
              GpuCodes.CHAIN_LENGTH,
              "GPU certificate chain has " + chain.size() + " certificates, expected "
                  + HOPPER_CHAIN_LENGTH + " (leaf first, root last)"));
    }
    X509Certificate supplied = chain.get(chain.size() - 1);
    RootKind kind;
    List<X509Certificate> effective = new ArrayList<>(chain.subList(0, chain.size() - 1));
    if (SimulatedRoots.isSimulated(supplied)) {
      kind = RootKind.SIMULATED;
      try {
        SimulatedRoots.checkTrusted(supplied, options);
      } catch (AttestationVerificationException e) {
        reasons.addAll(e.reasons());
        throw new AttestationVerificationException(reasons);
      }
      effective.add(supplied);
    } else {
      kind = RootKind.NVIDIA_DEVICE_IDENTITY_CA;
      effective.add(NvidiaRoots.deviceIdentityCa());
    }
    X509Certificate root = effective.get(effective.size() - 1);
    if (effective.size() >= 2) {
      X509Certificate top = effective.get(effective.size() - 2);
      if (!top.getIssuerX500Principal().equals(root.getSubjectX500Principal())) {
        reasons.add(
            new Reason(
                GpuCodes.UNKNOWN_ROOT,
                "GPU chain does not lead to the " + describe(kind) + ": '"
                    + ChainVerifier.subject(top) + "' is issued by '"
                    + top.getIssuerX500Principal().getName() + "'"
                    + (sameCert(supplied, root) ? "" : " (device-supplied last certificate '"
                        + ChainVerifier.subject(supplied) + "' is not trusted)")));
        throw new AttestationVerificationException(reasons);
      }
    }
    try {
      ChainVerifier.verify(effective, options.at(), options, "GPU");
    } catch (AttestationVerificationException e) {
      reasons.addAll(e.reasons());
    }
    if (!reasons.isEmpty()) {
      throw new AttestationVerificationException(reasons);
    }
    return kind;
  }

  /** True when the device-supplied last certificate is byte-identical to the pinned root. */
  public static boolean suppliedRootIsPinned(List<X509Certificate> chain) {
    return !chain.isEmpty() && sameCert(chain.get(chain.size() - 1), NvidiaRoots.deviceIdentityCa());
  }

  private static String describe(RootKind kind) {
    return kind == RootKind.SIMULATED
        ? "simulated root"
        : "pinned NVIDIA Device Identity CA (sha256 " + NvidiaRoots.DEVICE_IDENTITY_CA_SHA256 + ")";
  }

  private static boolean sameCert(X509Certificate a, X509Certificate b) {
    try {
      return Arrays.equals(a.getEncoded(), b.getEncoded());
    } catch (CertificateEncodingException e) {
      return false;
    }
  }
}
