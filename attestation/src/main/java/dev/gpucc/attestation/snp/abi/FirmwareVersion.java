package dev.gpucc.attestation.snp.abi;

/** AMD SP firmware version (major.minor, build). */
public record FirmwareVersion(int major, int minor, int build) {
  public boolean atLeast(int minMajor, int minMinor) {
    return major > minMajor || (major == minMajor && minor >= minMinor);
  }

  @Override
  public String toString() {
    return major + "." + minor + " build " + build;
  }
}
