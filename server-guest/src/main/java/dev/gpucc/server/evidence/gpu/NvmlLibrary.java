package dev.gpucc.server.evidence.gpu;

import com.sun.jna.Library;
import com.sun.jna.Pointer;
import com.sun.jna.ptr.IntByReference;
import com.sun.jna.ptr.PointerByReference;

/**
 * The NVML functions gpucc binds with JNA (exported names from NVIDIA's nvml.h, API v12/13;
 * evidence-formats §4.1). Every function returns an {@code nvmlReturn_t}; see
 * {@link NvmlReturnCodes}. This interface is also the test seam: tests implement it with a fake
 * instead of loading libnvidia-ml.
 */
public interface NvmlLibrary extends Library {
  int nvmlInit_v2();

  int nvmlShutdown();

  int nvmlDeviceGetCount_v2(IntByReference count);

  int nvmlDeviceGetHandleByIndex_v2(int index, PointerByReference device);

  int nvmlSystemGetDriverVersion(byte[] version, int length);

  int nvmlDeviceGetVbiosVersion(Pointer device, byte[] version, int length);

  int nvmlDeviceGetName(Pointer device, byte[] name, int length);

  int nvmlDeviceGetUUID(Pointer device, byte[] uuid, int length);

  int nvmlDeviceGetMemoryInfo(Pointer device, NvmlStructs.Memory memory);

  int nvmlSystemGetConfComputeCapabilities(NvmlStructs.ConfComputeSystemCaps caps);

  int nvmlSystemGetConfComputeState(NvmlStructs.ConfComputeSystemState state);

  int nvmlSystemGetConfComputeSettings(NvmlStructs.SystemConfComputeSettings settings);

  int nvmlDeviceGetConfComputeGpuCertificate(Pointer device, NvmlStructs.ConfComputeGpuCertificate cert);

  int nvmlDeviceGetConfComputeGpuAttestationReport(
      Pointer device, NvmlStructs.ConfComputeGpuAttestationReport report);

  int nvmlSystemGetConfComputeGpusReadyState(IntByReference isAcceptingWork);

  int nvmlSystemSetConfComputeGpusReadyState(int isAcceptingWork);
}
