package dev.gpucc.server.evidence.gpu;

import com.sun.jna.Pointer;
import com.sun.jna.ptr.IntByReference;
import com.sun.jna.ptr.PointerByReference;
import dev.gpucc.attestation.CertificateFiles;
import dev.gpucc.attestation.gpu.sim.SimulatedNvidiaAuthority;
import dev.gpucc.proto.v1.GpuEvidence;
import java.nio.charset.StandardCharsets;

/**
 * A programmable NVML for tests: answers like a CC-mode Hopper system, with evidence made by a
 * {@link SimulatedNvidiaAuthority} in the real format. Fields switch individual behaviours off.
 */
final class FakeNvml implements NvmlLibrary {
  final SimulatedNvidiaAuthority authority = SimulatedNvidiaAuthority.generate();
  int initRc = 0;
  int gpuCount = 2;
  int capsRc = 0;
  int gpusCaps = 1;
  int ccFeature = 1;
  int devToolsMode = 0;
  int reportRc = 0;
  int readyState = 0;
  int setReadyRc = 0;
  boolean shutDown;
  /** Bytes to flip in the report (tests of the self-check). */
  boolean corruptReport;

  @Override
  public int nvmlInit_v2() {
    return initRc;
  }

  @Override
  public int nvmlShutdown() {
    shutDown = true;
    return 0;
  }

  @Override
  public int nvmlDeviceGetCount_v2(IntByReference count) {
    count.setValue(gpuCount);
    return 0;
  }

  @Override
  public int nvmlDeviceGetHandleByIndex_v2(int index, PointerByReference device) {
    device.setValue(new Pointer(0x1000L + index));
    return 0;
  }

  private static int index(Pointer device) {
    return (int) (Pointer.nativeValue(device) - 0x1000L);
  }

  private static int put(byte[] buf, String s) {
    byte[] b = s.getBytes(StandardCharsets.US_ASCII);
    if (b.length + 1 > buf.length) {
      return NvmlReturnCodes.INSUFFICIENT_SIZE;
    }
    System.arraycopy(b, 0, buf, 0, b.length);
    buf[b.length] = 0;
    return 0;
  }

  @Override
  public int nvmlSystemGetDriverVersion(byte[] version, int length) {
    return put(version, SimulatedNvidiaAuthority.DRIVER_VERSION);
  }

  @Override
  public int nvmlDeviceGetVbiosVersion(Pointer device, byte[] version, int length) {
    return put(version, SimulatedNvidiaAuthority.VBIOS_VERSION.toLowerCase(java.util.Locale.ROOT));
  }

  @Override
  public int nvmlDeviceGetName(Pointer device, byte[] name, int length) {
    return put(name, "NVIDIA H100 80GB HBM3 (fake)");
  }

  @Override
  public int nvmlDeviceGetUUID(Pointer device, byte[] uuid, int length) {
    return put(uuid, "GPU-fake-" + index(device));
  }

  @Override
  public int nvmlDeviceGetMemoryInfo(Pointer device, NvmlStructs.Memory memory) {
    memory.total = 80L << 30;
    return 0;
  }

  @Override
  public int nvmlSystemGetConfComputeCapabilities(NvmlStructs.ConfComputeSystemCaps caps) {
    caps.cpuCaps = 3;
    caps.gpusCaps = gpusCaps;
    return capsRc;
  }

  @Override
  public int nvmlSystemGetConfComputeState(NvmlStructs.ConfComputeSystemState state) {
    state.environment = 2;
    state.ccFeature = ccFeature;
    state.devToolsMode = devToolsMode;
    return 0;
  }

  @Override
  public int nvmlSystemGetConfComputeSettings(NvmlStructs.SystemConfComputeSettings settings) {
    if (settings.version != NvmlStructs.SystemConfComputeSettings.VERSION_1) {
      return 25;
    }
    settings.ccFeature = ccFeature;
    settings.devToolsMode = devToolsMode;
    return 0;
  }

  @Override
  public int nvmlDeviceGetConfComputeGpuCertificate(Pointer device, NvmlStructs.ConfComputeGpuCertificate cert) {
    byte[] pem = CertificateFiles.toPem(authority.chain(index(device))).getBytes(StandardCharsets.US_ASCII);
    System.arraycopy(pem, 0, cert.attestationCertChain, 0, pem.length);
    cert.attestationCertChainSize = pem.length;
    return 0;
  }

  @Override
  public int nvmlDeviceGetConfComputeGpuAttestationReport(
      Pointer device, NvmlStructs.ConfComputeGpuAttestationReport report) {
    if (reportRc != 0) {
      return reportRc;
    }
    GpuEvidence e = authority.attest(index(device), report.nonce.clone());
    byte[] spdm = e.getSpdm().toByteArray();
    if (corruptReport) {
      spdm[200] ^= 1; // inside block 3's value
    }
    System.arraycopy(spdm, 0, report.attestationReport, 0, spdm.length);
    report.attestationReportSize = spdm.length;
    return 0;
  }

  @Override
  public int nvmlSystemGetConfComputeGpusReadyState(IntByReference isAcceptingWork) {
    isAcceptingWork.setValue(readyState);
    return 0;
  }

  @Override
  public int nvmlSystemSetConfComputeGpusReadyState(int isAcceptingWork) {
    if (setReadyRc == 0) {
      readyState = isAcceptingWork;
    }
    return setReadyRc;
  }
}
