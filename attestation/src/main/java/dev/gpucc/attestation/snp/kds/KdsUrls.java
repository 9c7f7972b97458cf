package dev.gpucc.attestation.snp.kds;

import dev.gpucc.attestation.Hex;
import dev.gpucc.attestation.snp.abi.SnpProductLine;
import dev.gpucc.attestation.snp.abi.TcbLayout;
import dev.gpucc.attestation.snp.abi.TcbVersion;
import java.net.URI;
import java.util.Arrays;
import java.util.Objects;

/**
 * AMD Key Distribution Service URLs (AMD "VCEK Certificate and KDS Interface Specification";
 * evidence-formats §1.10). Milan/Genoa VCEKs are keyed by the 64-byte CHIP_ID (128 hex digits),
 * Turin VCEKs by its first 8 bytes (16 hex digits) and also by the FMC SPL. SPL values come from
 * REPORTED_TCB and are written with two digits, as AMD's examples and virtee/snpguest do.
 */
public final class KdsUrls {
  public static final URI DEFAULT_BASE = URI.create("https://kdsintf.amd.com");

  private final String base;

  public KdsUrls(URI base) {
    String b = Objects.requireNonNull(base, "base").toString();
    this.base = b.endsWith("/") ? b.substring(0, b.length() - 1) : b;
  }

  public static KdsUrls amd() {
    return new KdsUrls(DEFAULT_BASE);
  }

  /**
   * @throws IllegalArgumentException when CHIP_ID is masked (all zero): the VCEK must then come
   *     with the evidence
   */
  public URI vcek(SnpProductLine line, byte[] chipId, TcbVersion reportedTcb) {
    if (chipId.length != 64) {
      throw new IllegalArgumentException("CHIP_ID must be 64 bytes, got " + chipId.length);
    }
    if (Arrays.equals(chipId, new byte[64])) {
      throw new IllegalArgumentException("CHIP_ID is masked (all zero): no VCEK can be looked up");
    }
    TcbVersion.Parts p = reportedTcb.decode(line.tcbLayout());
    StringBuilder sb = new StringBuilder(base).append("/vcek/v1/").append(line.kdsName()).append('/');
    if (line.tcbLayout() == TcbLayout.TURIN) {
      sb.append(Hex.encode(Arrays.copyOf(chipId, 8))).append("?fmcSPL=").append(two(p.fmc())).append('&');
    } else {
      sb.append(Hex.encode(chipId)).append('?');
    }
    sb.append("blSPL=").append(two(p.bootloader()))
        .append("&teeSPL=").append(two(p.tee()))
        .append("&snpSPL=").append(two(p.snp()))
        .append("&ucodeSPL=").append(two(p.microcode()));
    return URI.create(sb.toString());
  }

  /** PEM [ASK, ARK] (vlek = false) or [ASVK, ARK] (vlek = true). */
  public URI certChain(SnpProductLine line, boolean vlek) {
    return URI.create(base + (vlek ? "/vlek/v1/" : "/vcek/v1/") + line.kdsName() + "/cert_chain");
  }

  /** DER CRL signed by the ARK. */
  public URI crl(SnpProductLine line, boolean vlek) {
    return URI.create(base + (vlek ? "/vlek/v1/" : "/vcek/v1/") + line.kdsName() + "/crl");
  }

  private static String two(int v) {
    return v < 10 ? "0" + v : Integer.toString(v);
  }
}
