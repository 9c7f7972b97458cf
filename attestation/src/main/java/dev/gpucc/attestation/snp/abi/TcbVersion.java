package dev.gpucc.attestation.snp.abi;

import dev.gpucc.attestation.Hex;
import java.util.Arrays;

/**
 * A TCB_VERSION (CURRENT/REPORTED/COMMITTED/LAUNCH TCB) as its 8 raw bytes, decoded with the
 * product line's layout (evidence-formats §1.6). The raw bytes stay authoritative: the layout
 * can only be chosen once the product line is known.
 */
public final class TcbVersion {
  private final byte[] raw;

  private TcbVersion(byte[] raw) {
    this.raw = raw;
  }

  /** @param raw exactly 8 bytes as they appear in the report */
  public static TcbVersion ofRaw(byte[] raw) {
    if (raw.length != 8) {
      throw new IllegalArgumentException("TCB_VERSION is 8 bytes, got " + raw.length);
    }
    return new TcbVersion(raw.clone());
  }

  /** Encodes components with a layout; {@code fmc} is ignored for Milan/Genoa. */
  public static TcbVersion of(TcbLayout layout, int fmc, int bl, int tee, int snp, int ucode) {
    byte[] b = new byte[8];
    if (layout == TcbLayout.TURIN) {
      b[0] = (byte) fmc;
      b[1] = (byte) bl;
      b[2] = (byte) tee;
      b[3] = (byte) snp;
    } else {
      b[0] = (byte) bl;
      b[1] = (byte) tee;
      b[6] = (byte) snp;
    }
    b[7] = (byte) ucode;
    return new TcbVersion(b);
  }

  public byte[] raw() {
    return raw.clone();
  }

  public String hex() {
    return Hex.encode(raw);
  }

  public Parts decode(TcbLayout layout) {
    if (layout == TcbLayout.TURIN) {
      return new Parts(layout, u8(0), u8(1), u8(2), u8(3), u8(7));
    }
    return new Parts(layout, -1, u8(0), u8(1), u8(6), u8(7));
  }

  private int u8(int i) {
    return raw[i] & 0xFF;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof TcbVersion && Arrays.equals(raw, ((TcbVersion) o).raw);
  }

  @Override
  public int hashCode() {
    return Arrays.hashCode(raw);
  }

  @Override
  public String toString() {
    return hex();
  }

  /**
   * Decoded security patch levels. {@code fmc} is -1 on Milan/Genoa (no FMC component).
   *
   * @param layout the layout used to decode
   */
  public record Parts(TcbLayout layout, int fmc, int bootloader, int tee, int snp, int microcode) {
    /** "bl=3 tee=0 snp=8 ucode=115", with "fmc=N " first on Turin. */
    public String describe() {
      String s = "bl=" + bootloader + " tee=" + tee + " snp=" + snp + " ucode=" + microcode;
      return layout == TcbLayout.TURIN ? "fmc=" + fmc + " " + s : s;
    }

    @Override
    public String toString() {
      return describe();
    }
  }
}
