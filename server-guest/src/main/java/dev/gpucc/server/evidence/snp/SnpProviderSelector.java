package dev.gpucc.server.evidence.snp;

import dev.gpucc.server.evidence.CpuEvidenceProvider;
import dev.gpucc.server.evidence.EvidenceProviderException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Objects;
import java.util.function.Supplier;

/**
 * Chooses the SEV-SNP evidence provider (style rule 4, go-sev-guest client.go): AUTO probes
 * configfs-tsm first, then /dev/sev-guest, and fails loudly when neither works. SIMULATED is used
 * only when asked for by name (or when the server runs in simulated mode); a configured real
 * provider that does not work is an error, never a silent fall back to simulation.
 */
public final class SnpProviderSelector {
  /** Which provider to use. */
  public enum Mode {
    AUTO,
    CONFIGFS_TSM,
    SEV_GUEST_IOCTL,
    SIMULATED;

    /** "auto", "configfs-tsm", "sev-guest-ioctl", "simulated" (also the enum names). */
    public static Mode parse(String s) {
      String n = s.trim().toUpperCase(Locale.ROOT).replace('-', '_');
      if (n.equals("SIMULATED_SNP")) {
        return SIMULATED;
      }
      return Mode.valueOf(n);
    }
  }

  private final ConfigfsTsmSnpProvider configfs;
  private final Path sevGuestDevice;
  private final Supplier<SevGuestIoctlSnpProvider> ioctl;
  private final Supplier<SimulatedSnpProvider> simulated;

  /**
   * @param simulated made only when SIMULATED is selected (key generation takes seconds)
   */
  public SnpProviderSelector(
      ConfigfsTsmSnpProvider configfs, Path sevGuestDevice,
      Supplier<SevGuestIoctlSnpProvider> ioctl, Supplier<SimulatedSnpProvider> simulated) {
    this.configfs = Objects.requireNonNull(configfs);
    this.sevGuestDevice = Objects.requireNonNull(sevGuestDevice);
    this.ioctl = Objects.requireNonNull(ioctl);
    this.simulated = Objects.requireNonNull(simulated);
  }

  /** The real system paths. */
  public static SnpProviderSelector system(Supplier<SimulatedSnpProvider> simulated) {
    return new SnpProviderSelector(new ConfigfsTsmSnpProvider(), LinuxSevGuestDevice.DEFAULT_PATH,
        SevGuestIoctlSnpProvider::new, simulated);
  }

  public CpuEvidenceProvider select(Mode mode) throws EvidenceProviderException {
    switch (mode) {
      case SIMULATED:
        return simulated.get();
      case CONFIGFS_TSM:
        if (!configfs.probe()) {
          throw new EvidenceProviderException("SEV-SNP provider configfs-tsm was configured but does"
              + " not work (no sev_guest report instance can be created under the tsm/report directory)");
        }
        return configfs;
      case SEV_GUEST_IOCTL:
        if (!Files.exists(sevGuestDevice)) {
          throw new EvidenceProviderException("SEV-SNP provider sev-guest-ioctl was configured but "
              + sevGuestDevice + " does not exist");
        }
        return ioctl.get();
      case AUTO:
      default:
        if (configfs.probe()) {
          return configfs;
        }
        if (Files.exists(sevGuestDevice)) {
          return ioctl.get();
        }
        throw new EvidenceProviderException("no SEV-SNP interface found (neither configfs-tsm with a"
            + " sev_guest provider nor " + sevGuestDevice + "); configure the simulated provider"
            + " explicitly to run without a TEE");
    }
  }
}
