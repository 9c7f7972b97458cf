package dev.gpucc.server.evidence.gpu;

import com.google.protobuf.ByteString;
import com.sun.jna.Pointer;
import com.sun.jna.ptr.IntByReference;
import com.sun.jna.ptr.PointerByReference;
import dev.gpucc.proto.v1.GpuEvidence;
import dev.gpucc.proto.v1.GpuInfo;
import dev.gpucc.server.evidence.EvidenceProviderException;
import dev.gpucc.server.evidence.GpuEvidenceProvider;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * GPU evidence from NVML on a confidential-computing GPU (evidence-formats §4.1): the SPDM report
 * from {@code nvmlDeviceGetConfComputeGpuAttestationReport} for the caller's 32-byte nonce and
 * the 5-certificate PEM chain from {@code nvmlDeviceGetConfComputeGpuCertificate}
 * (attestationCertChain, as nvtrust uses).
 *
 * <p>{@link #open(NvmlLibrary)} fails with a clear message when NVML has no GPU, or confidential
 * computing is not supported or not enabled: on such machines the provider says exactly that.
 * Calls are serialized (NVML CC calls are not documented as thread-safe).
 */
public final class NvmlGpuEvidenceProvider implements GpuEvidenceProvider, AutoCloseable {
  public static final String NAME = "nvml";

  private final NvmlLibrary nvml;
  private final List<Pointer> devices;
  private final List<GpuInfo> gpus;

  private NvmlGpuEvidenceProvider(NvmlLibrary nvml, List<Pointer> devices, List<GpuInfo> gpus) {
    this.nvml = nvml;
    this.devices = devices;
    this.gpus = gpus;
  }

  /** Loads libnvidia-ml and opens it. */
  public static NvmlGpuEvidenceProvider open() throws EvidenceProviderException {
    return open(NvmlLoader.load());
  }

  /** Initializes NVML, checks that CC mode is on, and enumerates the GPUs. */
  public static NvmlGpuEvidenceProvider open(NvmlLibrary nvml) throws EvidenceProviderException {
    NvmlReturnCodes.check(nvml.nvmlInit_v2(), "nvmlInit_v2");
    try {
      NvmlStructs.ConfComputeSystemState state = ccState(nvml);
      IntByReference count = new IntByReference();
      NvmlReturnCodes.check(nvml.nvmlDeviceGetCount_v2(count), "nvmlDeviceGetCount_v2");
      if (count.getValue() == 0) {
        throw new EvidenceProviderException("NVML reports no GPU on this machine");
      }
      String driver = string(b -> nvml.nvmlSystemGetDriverVersion(b, b.length), "nvmlSystemGetDriverVersion");
      List<Pointer> devices = new ArrayList<>();
      List<GpuInfo> gpus = new ArrayList<>();
      for (int i = 0; i < count.getValue(); i++) {
        PointerByReference ref = new PointerByReference();
        NvmlReturnCodes.check(nvml.nvmlDeviceGetHandleByIndex_v2(i, ref), "nvmlDeviceGetHandleByIndex_v2(" + i + ")");
        Pointer dev = ref.getValue();
        devices.add(dev);
        gpus.add(info(nvml, i, dev, driver, state));
      }
      return new NvmlGpuEvidenceProvider(nvml, List.copyOf(devices), List.copyOf(gpus));
    } catch (EvidenceProviderException | RuntimeException e) {
      nvml.nvmlShutdown();
      throw e;
    }
  }

  private static NvmlStructs.ConfComputeSystemState ccState(NvmlLibrary nvml) throws EvidenceProviderException {
    NvmlStructs.ConfComputeSystemCaps caps = new NvmlStructs.ConfComputeSystemCaps();
    int rc = nvml.nvmlSystemGetConfComputeCapabilities(caps);
    if (rc == NvmlReturnCodes.NOT_SUPPORTED || rc == 13) {
      throw new EvidenceProviderException(
          "this GPU/driver does not support confidential computing (" + NvmlReturnCodes.describe(rc) + ")");
    }
    NvmlReturnCodes.check(rc, "nvmlSystemGetConfComputeCapabilities");
    if (caps.gpusCaps != 1) {
      throw new EvidenceProviderException(
          "the GPUs are not confidential-computing capable (gpusCaps=" + caps.gpusCaps + ")");
    }
    NvmlStructs.ConfComputeSystemState state = new NvmlStructs.ConfComputeSystemState();
    NvmlReturnCodes.check(nvml.nvmlSystemGetConfComputeState(state), "nvmlSystemGetConfComputeState");
    if (state.ccFeature != 1) {
      throw new EvidenceProviderException(
          "GPU confidential-computing mode is off (ccFeature=" + state.ccFeature + "): enable it on the"
              + " host (gpu-admin-tools --set-cc-mode=on, then reset the GPU); no GPU evidence without it");
    }
    return state;
  }

  private static GpuInfo info(NvmlLibrary nvml, int i, Pointer dev, String driver,
      NvmlStructs.ConfComputeSystemState state) throws EvidenceProviderException {
    NvmlStructs.Memory mem = new NvmlStructs.Memory();
    int memRc = nvml.nvmlDeviceGetMemoryInfo(dev, mem);
    return GpuInfo.newBuilder()
        .setIndex(i)
        .setName(string(b -> nvml.nvmlDeviceGetName(dev, b, b.length), "nvmlDeviceGetName"))
        .setUuid(string(b -> nvml.nvmlDeviceGetUUID(dev, b, b.length), "nvmlDeviceGetUUID"))
        .setTotalMemoryBytes(memRc == NvmlReturnCodes.SUCCESS ? mem.total : 0)
        .setCcModeOn(state.ccFeature == 1)
        .setDevtoolsModeOn(state.devToolsMode == 1)
        .setDriverVersion(driver)
        .setVbiosVersion(string(b -> nvml.nvmlDeviceGetVbiosVersion(dev, b, b.length), "nvmlDeviceGetVbiosVersion"))
        .setEvidenceSimulated(false)
        .build();
  }

  @Override
  public String name() {
    return NAME;
  }

  @Override
  public boolean simulated() {
    return false;
  }

  @Override
  public List<GpuInfo> gpus() {
    return gpus;
  }

  @Override
  public synchronized GpuEvidence collect(int gpuIndex, byte[] nonce) throws EvidenceProviderException {
    if (nonce == null || nonce.length != 32) {
      throw new IllegalArgumentException("GPU nonce must be 32 bytes");
    }
    if (gpuIndex < 0 || gpuIndex >= devices.size()) {
      throw new EvidenceProviderException("no GPU with index " + gpuIndex + " (this machine has " + devices.size() + ")");
    }
    Pointer dev = devices.get(gpuIndex);
    NvmlStructs.ConfComputeGpuAttestationReport report = new NvmlStructs.ConfComputeGpuAttestationReport();
    System.arraycopy(nonce, 0, report.nonce, 0, 32);
    NvmlReturnCodes.check(nvml.nvmlDeviceGetConfComputeGpuAttestationReport(dev, report),
        "nvmlDeviceGetConfComputeGpuAttestationReport(gpu " + gpuIndex + ")");
    int size = report.attestationReportSize;
    if (size <= 0 || size > report.attestationReport.length) {
      throw new EvidenceProviderException("NVML returned an attestation report of " + size + " bytes");
    }
    NvmlStructs.ConfComputeGpuCertificate cert = new NvmlStructs.ConfComputeGpuCertificate();
    NvmlReturnCodes.check(nvml.nvmlDeviceGetConfComputeGpuCertificate(dev, cert),
        "nvmlDeviceGetConfComputeGpuCertificate(gpu " + gpuIndex + ")");
    int certSize = cert.attestationCertChainSize;
    if (certSize <= 0 || certSize > cert.attestationCertChain.length) {
      throw new EvidenceProviderException("NVML returned an attestation certificate chain of " + certSize + " bytes");
    }
    GpuInfo info = gpus.get(gpuIndex);
    return GpuEvidence.newBuilder()
        .setIndex(gpuIndex)
        .setArch("HOPPER")
        .setSpdm(ByteString.copyFrom(report.attestationReport, 0, size))
        .setCertificateChainPem(ByteString.copyFrom(cert.attestationCertChain, 0, certSize))
        .setDriverVersion(info.getDriverVersion())
        .setVbiosVersion(info.getVbiosVersion())
        .setSimulated(false)
        .setProvider(NAME)
        .setNonce(ByteString.copyFrom(nonce))
        .build();
  }

  /** Tells the driver whether the GPUs may accept CUDA work (needs root). */
  public synchronized void setGpusReady(boolean ready) throws EvidenceProviderException {
    NvmlReturnCodes.check(nvml.nvmlSystemSetConfComputeGpusReadyState(ready ? 1 : 0),
        "nvmlSystemSetConfComputeGpusReadyState(" + (ready ? 1 : 0) + ")");
  }

  public synchronized boolean gpusReady() throws EvidenceProviderException {
    IntByReference r = new IntByReference();
    NvmlReturnCodes.check(nvml.nvmlSystemGetConfComputeGpusReadyState(r), "nvmlSystemGetConfComputeGpusReadyState");
    return r.getValue() == 1;
  }

  @Override
  public synchronized void close() {
    nvml.nvmlShutdown();
  }

  private interface StringCall {
    int call(byte[] buffer);
  }

  private static String string(StringCall call, String name) throws EvidenceProviderException {
    byte[] buf = new byte[96]; // NVML_DEVICE_UUID_V2_BUFFER_SIZE, the largest string buffer used
    NvmlReturnCodes.check(call.call(buf), name);
    int end = 0;
    while (end < buf.length && buf[end] != 0) {
      end++;
    }
    return new String(Arrays.copyOf(buf, end), StandardCharsets.US_ASCII);
  }
}
