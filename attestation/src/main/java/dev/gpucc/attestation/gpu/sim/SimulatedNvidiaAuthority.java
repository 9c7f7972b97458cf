package dev.gpucc.attestation.gpu.sim;

import com.google.protobuf.ByteString;
import dev.gpucc.attestation.CertificateFiles;
import dev.gpucc.attestation.Digests;
import dev.gpucc.attestation.SimulatedRoots;
import dev.gpucc.proto.v1.GpuEvidence;
import java.security.KeyPair;
import java.security.Provider;
import java.security.SecureRandom;
import java.security.cert.X509Certificate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.jce.provider.BouncyCastleProvider;

/**
 * A simulated NVIDIA-style attestation authority for machines without a CC-mode GPU. It makes a
 * five-certificate P-384 chain shaped like Hopper's (root "Device Identity CA", "GH100 Identity",
 * "Provisioner ICA", per-GPU "GSP BROM" and "GSP FMC LF" with the TCG DICE FWID extension), every
 * subject with O={@link SimulatedRoots#ORGANIZATION}, and signs REAL SPDM 1.1 evidence with it
 * ({@link SimulatedSpdm}). Verifiers accept it only when simulated evidence is allowed, and label
 * the verdict SIMULATED. Nothing here is a hardware root of trust.
 *
 * <p>Thread-safe. Keys live in memory only; a new authority is a new root.
 */
public final class SimulatedNvidiaAuthority {
  /** Provider label of simulated GPU evidence. */
  public static final String PROVIDER = "simulated-gpu";
  /** Driver version in the simulated opaque data (and NVML-style field). */
  public static final String DRIVER_VERSION = SimulatedSpdm.DRIVER_VERSION;
  /** VBIOS version in the simulated opaque data, formatted as nvtrust does. */
  public static final String VBIOS_VERSION = SimulatedSpdm.VBIOS_VERSION;

  private final SimulatedCertificates certs;
  private final SecureRandom random;
  private final KeyPair rootKey;
  private final X509Certificate root;
  private final KeyPair identityKey;
  private final X509Certificate identity;
  private final KeyPair icaKey;
  private final X509Certificate ica;
  private final Map<Integer, Device> devices = new HashMap<>();
  private byte[] driverRim;
  private byte[] vbiosRim;

  /** One GPU: its BROM and FMC LF certificates and the LF attestation key. */
  private record Device(KeyPair leafKey, List<X509Certificate> chain, byte[] fwid) {}

  private SimulatedNvidiaAuthority(Provider provider, SecureRandom random) {
    this.random = random;
    this.certs = new SimulatedCertificates(provider, random);
    this.rootKey = certs.newKey();
    X500Name rootName = SimulatedCertificates.name("gpucc Simulated NVIDIA Device Identity CA");
    this.root = certs.issue(rootName, rootKey, rootName, rootKey, true, null);
    this.identityKey = certs.newKey();
    this.identity = certs.issue(SimulatedCertificates.name("gpucc Simulated GH100 Identity"), identityKey,
        rootName, rootKey, true, null);
    this.icaKey = certs.newKey();
    this.ica = certs.issue(SimulatedCertificates.name("gpucc Simulated GH100 Provisioner ICA 1"), icaKey,
        SimulatedCertificates.name("gpucc Simulated GH100 Identity"), identityKey, true, null);
  }

  /** Makes a fresh authority with Bouncy Castle and a new SecureRandom. */
  public static SimulatedNvidiaAuthority generate() {
    return new SimulatedNvidiaAuthority(new BouncyCastleProvider(), new SecureRandom());
  }

  public X509Certificate rootCertificate() {
    return root;
  }

  /** Lower-case hex SHA-256 of the root (for VerifyOptions.simulatedRootSha256 pinning). */
  public String rootSha256() {
    return SimulatedRoots.sha256Hex(root);
  }

  /** The five-certificate chain of GPU {@code index}, leaf first. */
  public synchronized List<X509Certificate> chain(int index) {
    return device(index).chain();
  }

  /**
   * A signed driver RIM whose golden values match every simulated GPU (active RIM indices
   * 32..63), chained to a simulated CoRIM root (O=SimulatedRoots.ORGANIZATION).
   */
  public synchronized byte[] driverRim() {
    makeRims();
    return driverRim.clone();
  }

  /** A signed VBIOS RIM matching every simulated GPU (active RIM indices 0..31). */
  public synchronized byte[] vbiosRim() {
    makeRims();
    return vbiosRim.clone();
  }

  private void makeRims() {
    if (driverRim != null) {
      return;
    }
    X500Name corimRootName = SimulatedCertificates.name("gpucc Simulated NVIDIA CoRIM signing Root CA");
    KeyPair corimRootKey = certs.newKey();
    X509Certificate corimRoot = certs.issue(corimRootName, corimRootKey, corimRootName, corimRootKey, true, null);
    KeyPair signerKey = certs.newKey();
    X509Certificate signer = certs.issue(SimulatedCertificates.name("gpucc Simulated HCC RIM Signer"), signerKey,
        corimRootName, corimRootKey, false, null);
    List<X509Certificate> chain = List.of(signer, corimRoot);
    driverRim = SimulatedRims.driver(signerKey.getPrivate(), chain);
    vbiosRim = SimulatedRims.vbios(signerKey.getPrivate(), chain);
  }

  /** The golden value of SPDM block {@code spdmIndex} (1..64) that every simulated GPU reports. */
  public static byte[] measurement(int spdmIndex) {
    return SimulatedSpdm.measurement(spdmIndex);
  }

  /**
   * Produces GPU evidence for {@code nonce32}: SPDM 1.1 GET_MEASUREMENTS request with that nonce,
   * MEASUREMENTS response with 64 DMTF blocks and NVIDIA opaque data, signed P-384 by GPU
   * {@code index}'s leaf key; simulated=true, provider="simulated-gpu".
   */
  public GpuEvidence attest(int index, byte[] nonce32) {
    if (nonce32 == null || nonce32.length != 32) {
      throw new IllegalArgumentException("GPU nonce must be 32 bytes");
    }
    Device d;
    synchronized (this) {
      d = device(index);
    }
    byte[] responderNonce = new byte[32];
    random.nextBytes(responderNonce);
    byte[] spdm = SimulatedSpdm.build(nonce32, responderNonce, d.fwid(), d.leafKey().getPrivate(), certs);
    return GpuEvidence.newBuilder()
        .setIndex(index)
        .setArch("HOPPER")
        .setSpdm(ByteString.copyFrom(spdm))
        .setCertificateChainPem(ByteString.copyFromUtf8(CertificateFiles.toPem(d.chain())))
        .setDriverVersion(SimulatedSpdm.DRIVER_VERSION)
        .setVbiosVersion(SimulatedSpdm.VBIOS_VERSION)
        .setSimulated(true)
        .setProvider(PROVIDER)
        .setNonce(ByteString.copyFrom(nonce32))
        .build();
  }

  private Device device(int index) {
    if (index < 0 || index > 255) {
      throw new IllegalArgumentException("GPU index out of range: " + index);
    }
    return devices.computeIfAbsent(index, i -> {
      X500Name icaName = SimulatedCertificates.name("gpucc Simulated GH100 Provisioner ICA 1");
      X500Name bromName = SimulatedCertificates.name("gpucc Simulated GH100 A01 GSP BROM " + i);
      KeyPair bromKey = certs.newKey();
      X509Certificate brom = certs.issue(bromName, bromKey, icaName, icaKey, true, null);
      KeyPair leafKey = certs.newKey();
      byte[] fwid = Digests.sha384(("gpucc simulated GSP FMC firmware, GPU " + i).getBytes(
          java.nio.charset.StandardCharsets.US_ASCII));
      X509Certificate leaf = certs.issue(SimulatedCertificates.name("gpucc Simulated GH100 A01 GSP FMC LF " + i),
          leafKey, bromName, bromKey, false, fwid);
      return new Device(leafKey, List.of(leaf, brom, ica, identity, root), fwid);
    });
  }
}
