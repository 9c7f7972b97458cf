package dev.gpucc.attestation.snp.sim;

import dev.gpucc.attestation.Digests;
import dev.gpucc.attestation.snp.abi.SnpProductLine;
import dev.gpucc.attestation.snp.abi.TcbVersion;
import java.nio.charset.StandardCharsets;

/**
 * What a simulated report says about the guest and platform. The measurement is a fixed digest of
 * a label so that a policy can pin it like a real one; it measures nothing.
 */
public record SimulatedGuest(
    int version, long policy, int vmpl, byte[] measurement, TcbVersion reportedTcb, int firmwareMajor,
    int firmwareMinor, int firmwareBuild, long platformInfo) {

  public static SimulatedGuest defaults(SnpProductLine line) {
    TcbVersion tcb = line.turinTcbLayout()
        ? new TcbVersion(0, 1, 1, 3, 0x48, 1)
        : new TcbVersion(0, 4, 0, 22, 213, 0);
    return new SimulatedGuest(3, 0x30000L, 0,
        Digests.sha384("gpucc simulated guest (no TEE)".getBytes(StandardCharsets.US_ASCII)),
        tcb, 1, 55, 21, 0x1L);
  }

  public SimulatedGuest withVersion(int v) {
    return new SimulatedGuest(v, policy, vmpl, measurement, reportedTcb, firmwareMajor, firmwareMinor, firmwareBuild, platformInfo);
  }

  public SimulatedGuest withPolicy(long p) {
    return new SimulatedGuest(version, p, vmpl, measurement, reportedTcb, firmwareMajor, firmwareMinor, firmwareBuild, platformInfo);
  }
}
