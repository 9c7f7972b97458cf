package dev.gpucc.attestation.tdx.collateral;

import dev.gpucc.attestation.AttestationVerificationException;
import dev.gpucc.attestation.Hex;
import dev.gpucc.attestation.tdx.TdxCodes;
import dev.gpucc.attestation.tdx.abi.EnclaveReport;
import dev.gpucc.attestation.tdx.abi.PckExtensions;
import dev.gpucc.attestation.tdx.abi.TdReportBody;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Intel's TCB level algorithm for TDX (evidence-formats §3.7 steps 4, 7 and §3.8, after QVL
 * {@code TcbLevelCheck}/{@code TdxModuleCheck} and go-tdx-guest): platform level from the PCK SGX
 * component SVNs, PCESVN and TEE_TCB_SVN (indices 0-1 skipped and judged through
 * {@code tdxModuleIdentities["TDX_%02X"]} when TEE_TCB_SVN[1] > 0), TDX module identity, QE
 * identity, then status convergence.
 */
public final class TcbEvaluator {
  public static final String UP_TO_DATE = "UpToDate";
  public static final String OUT_OF_DATE = "OutOfDate";
  public static final String OUT_OF_DATE_CONFIG = "OutOfDateConfigurationNeeded";
  public static final String REVOKED = "Revoked";

  private TcbEvaluator() {}

  /**
   * @param qe verified QE identity, or null when not available (QE status not evaluated)
   * @throws AttestationVerificationException TDX_TCB_NOT_SUPPORTED, TDX_MODULE_MISMATCH or
   *     TDX_QE_IDENTITY_MISMATCH
   */
  public static TcbEvaluation evaluate(
      TcbInfo info, QeIdentity qe, TdReportBody body, PckExtensions pck, EnclaveReport qeReport)
      throws AttestationVerificationException {
    byte[] tee = body.teeTcbSvn();
    boolean viaModule = (tee[1] & 0xff) > 0;
    List<PlatformTcbLevel> levels = info.tcbLevels();
    int p = -1;
    for (int i = 0; i < levels.size() && p < 0; i++) {
      if (matches(levels.get(i), pck, tee, viaModule)) {
        p = i;
      }
    }
    if (p < 0) {
      throw new AttestationVerificationException(
          TdxCodes.TCB_NOT_SUPPORTED,
          "no TCB info level matches: PCK SGX component SVNs " + Arrays.toString(pck.tcbComponents())
              + ", PCESVN " + pck.pceSvn() + ", TEE_TCB_SVN " + Hex.encode(tee)
              + " are below every level (TCB status: not supported)");
    }
    PlatformTcbLevel level = levels.get(p);
    Set<String> advisories = new LinkedHashSet<>(level.advisoryIds());
    List<Instant> since = new ArrayList<>();
    if (level.tcbStatus().startsWith(OUT_OF_DATE)) {
      since.add(p > 0 ? levels.get(p - 1).tcbDate() : level.tcbDate());
    }
    String moduleStatus = null;
    if (viaModule) {
      IsvTcbLevel m = moduleLevel(info, body, tee, since);
      advisories.addAll(m.advisoryIds());
      moduleStatus = m.tcbStatus();
    } else {
      checkModule(info.tdxModule(), body, "tdxModule");
    }
    String qeStatus = null;
    if (qe != null) {
      IsvTcbLevel q = qeLevel(qe, qeReport, since);
      advisories.addAll(q.advisoryIds());
      qeStatus = q.tcbStatus();
    }
    String status = converge(converge(level.tcbStatus(), moduleStatus), qeStatus);
    Instant earliest = since.stream().min(Instant::compareTo).orElse(null);
    return new TcbEvaluation(
        status, level.tcbStatus(), moduleStatus, qeStatus, level.tcbDate(), new ArrayList<>(advisories), earliest);
  }

  private static boolean matches(PlatformTcbLevel l, PckExtensions pck, byte[] tee, boolean viaModule) {
    int[] sgx = l.sgxComponents();
    int[] comps = pck.tcbComponents();
    for (int i = 0; i < 16; i++) {
      if (comps[i] < sgx[i]) {
        return false;
      }
    }
    if (pck.pceSvn() < l.pceSvn()) {
      return false;
    }
    int[] tdx = l.tdxComponents();
    for (int i = viaModule ? 2 : 0; i < 16; i++) {
      if ((tee[i] & 0xff) < tdx[i]) {
        return false;
      }
    }
    return true;
  }

  private static IsvTcbLevel moduleLevel(TcbInfo info, TdReportBody body, byte[] tee, List<Instant> since)
      throws AttestationVerificationException {
    String id = String.format(Locale.ROOT, "TDX_%02X", tee[1] & 0xff);
    TdxModuleIdentity identity = null;
    for (TdxModuleIdentity m : info.tdxModuleIdentities()) {
      if (id.equalsIgnoreCase(m.id())) {
        identity = m;
      }
    }
    if (identity == null) {
      throw new AttestationVerificationException(
          TdxCodes.TDX_MODULE_MISMATCH, "TCB info has no tdxModuleIdentities entry " + id
              + " for TEE_TCB_SVN[1] = " + (tee[1] & 0xff));
    }
    checkModule(identity, body, id);
    List<IsvTcbLevel> levels = identity.tcbLevels();
    for (int i = 0; i < levels.size(); i++) {
      if ((tee[0] & 0xff) >= levels.get(i).isvSvn()) {
        if (OUT_OF_DATE.equals(levels.get(i).tcbStatus())) {
          since.add(i > 0 ? levels.get(i - 1).tcbDate() : levels.get(i).tcbDate());
        }
        return levels.get(i);
      }
    }
    throw new AttestationVerificationException(
        TdxCodes.TCB_NOT_SUPPORTED,
        "no " + id + " module TCB level matches TDX module SVN " + (tee[0] & 0xff)
            + " (TCB status: not supported)");
  }

  private static void checkModule(TdxModuleIdentity m, TdReportBody body, String what)
      throws AttestationVerificationException {
    if (m == null) {
      throw new AttestationVerificationException(
          TdxCodes.TDX_MODULE_MISMATCH, "TCB info has no tdxModule entry for a TDX 1.0 module");
    }
    if (!Arrays.equals(m.mrSigner(), body.mrSignerSeam())) {
      throw new AttestationVerificationException(
          TdxCodes.TDX_MODULE_MISMATCH, what + ".mrsigner: expected " + Hex.encode(m.mrSigner())
              + ", MRSIGNERSEAM is " + Hex.encode(body.mrSignerSeam()));
    }
    byte[] attr = body.seamAttributes();
    byte[] mask = m.attributesMask();
    byte[] want = m.attributes();
    for (int i = 0; i < 8; i++) {
      if ((attr[i] & mask[i]) != want[i]) {
        throw new AttestationVerificationException(
            TdxCodes.TDX_MODULE_MISMATCH, what + ".attributes: expected " + Hex.encode(want)
                + " under mask " + Hex.encode(mask) + ", SEAMATTRIBUTES is " + Hex.encode(attr));
      }
    }
  }

  private static IsvTcbLevel qeLevel(QeIdentity qe, EnclaveReport r, List<Instant> since)
      throws AttestationVerificationException {
    List<String> errors = new ArrayList<>();
    if ((r.miscSelect() & qe.miscSelectMask()) != qe.miscSelect()) {
      errors.add("MISCSELECT " + Long.toHexString(r.miscSelect()) + " & mask "
          + Long.toHexString(qe.miscSelectMask()) + " != " + Long.toHexString(qe.miscSelect()));
    }
    byte[] a = r.attributes();
    byte[] mask = qe.attributesMask();
    byte[] want = qe.attributes();
    for (int i = 0; i < 16; i++) {
      if ((a[i] & mask[i]) != want[i]) {
        errors.add("ATTRIBUTES " + Hex.encode(a) + " & mask " + Hex.encode(mask) + " != " + Hex.encode(want));
        break;
      }
    }
    if (!Arrays.equals(r.mrSigner(), qe.mrSigner())) {
      errors.add("MRSIGNER expected " + Hex.encode(qe.mrSigner()) + ", got " + Hex.encode(r.mrSigner()));
    }
    if (r.isvProdId() != qe.isvProdId()) {
      errors.add("ISVPRODID expected " + qe.isvProdId() + ", got " + r.isvProdId());
    }
    if (!errors.isEmpty()) {
      throw new AttestationVerificationException(
          TdxCodes.QE_IDENTITY_MISMATCH, "QE report does not match QE identity: " + String.join("; ", errors));
    }
    List<IsvTcbLevel> levels = qe.tcbLevels();
    for (int i = 0; i < levels.size(); i++) {
      if (r.isvSvn() >= levels.get(i).isvSvn()) {
        if (OUT_OF_DATE.equals(levels.get(i).tcbStatus())) {
          since.add(i > 0 ? levels.get(i - 1).tcbDate() : levels.get(i).tcbDate());
        }
        return levels.get(i);
      }
    }
    throw new AttestationVerificationException(
        TdxCodes.TCB_NOT_SUPPORTED,
        "no QE identity TCB level matches QE ISVSVN " + r.isvSvn() + " (QE TCB status: not supported)");
  }

  /** QVL convergence of a platform status with a module or QE status (null = not evaluated). */
  static String converge(String platform, String other) {
    if (other == null || UP_TO_DATE.equals(other)) {
      return platform;
    }
    if (REVOKED.equals(other)) {
      return REVOKED;
    }
    if (OUT_OF_DATE.equals(other)) {
      switch (platform) {
        case UP_TO_DATE, "SWHardeningNeeded":
          return OUT_OF_DATE;
        case "ConfigurationNeeded", "ConfigurationAndSWHardeningNeeded":
          return OUT_OF_DATE_CONFIG;
        default:
          return platform;
      }
    }
    return platform;
  }
}
