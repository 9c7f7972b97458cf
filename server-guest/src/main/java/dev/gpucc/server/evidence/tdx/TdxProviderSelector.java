package dev.gpucc.server.evidence.tdx;

import dev.gpucc.server.evidence.CpuEvidenceProvider;
import dev.gpucc.server.evidence.EvidenceProviderException;
import java.util.Locale;

/**
 * Chooses the TDX evidence provider at start-up. "auto" probes configfs-tsm, then QGS over vsock
 * (needs /dev/tdx_guest); a provider that is configured (or probed) and does not work is an
 * error, and simulation is used ONLY when "simulated" is configured explicitly: evidence never
 * silently falls back to simulation.
 */
public final class TdxProviderSelector {
  /** Default QGS vsock port (Intel's /etc/tdx-attest.conf sample uses 4050; UNVERIFIED here). */
  public static final int DEFAULT_QGS_PORT = 4050;

  private final ConfigfsTsmTdxProvider configfs;
  private final boolean tdxGuestDevicePresent;
  private final int qgsPort;

  public TdxProviderSelector(ConfigfsTsmTdxProvider configfs, boolean tdxGuestDevicePresent, int qgsPort) {
    this.configfs = configfs;
    this.tdxGuestDevicePresent = tdxGuestDevicePresent;
    this.qgsPort = qgsPort;
  }

  public static TdxProviderSelector forThisMachine() {
    return new TdxProviderSelector(new ConfigfsTsmTdxProvider(), TdxGuestDevice.isPresent(), DEFAULT_QGS_PORT);
  }

  /**
   * @param configured "auto", "configfs-tsm", "qgs-vsock" or "simulated"
   */
  public CpuEvidenceProvider select(String configured) throws EvidenceProviderException {
    switch (configured.toLowerCase(Locale.ROOT)) {
      case "configfs-tsm":
        if (!configfs.isSupported()) {
          throw new EvidenceProviderException("TDX provider configfs-tsm configured but"
              + " /sys/kernel/config/tsm/report is missing (Linux >= 6.7 TDX guest with configfs mounted?)");
        }
        return configfs;
      case "qgs-vsock":
        if (!tdxGuestDevicePresent) {
          throw new EvidenceProviderException("TDX provider qgs-vsock configured but " + TdxGuestDevice.DEVICE
              + " is missing");
        }
        return QgsTdxProvider.vsock(qgsPort);
      case "simulated":
        return SimulatedTdxProvider.create();
      case "auto":
        if (configfs.isSupported()) {
          return configfs;
        }
        if (tdxGuestDevicePresent) {
          return QgsTdxProvider.vsock(qgsPort);
        }
        throw new EvidenceProviderException("no TDX evidence interface found (neither configfs-tsm nor "
            + TdxGuestDevice.DEVICE + "); configure provider \"simulated\" explicitly to use simulated evidence");
      default:
        throw new EvidenceProviderException("unknown TDX provider '" + configured
            + "' (auto, configfs-tsm, qgs-vsock, simulated)");
    }
  }
}
