package dev.gpucc.attestation.tdx.sim;

import dev.gpucc.attestation.Hex;
import java.time.Instant;
import java.time.temporal.ChronoUnit;

/**
 * Compact TCB info v3 and QE identity v2 JSON for the simulated authority, in the PCS shape
 * (evidence-formats §3.6). The text produced here is what gets signed, byte for byte.
 */
final class SimulatedCollateralJson {
  private SimulatedCollateralJson() {}

  static String tcbInfo(
      Instant issue, Instant next, byte[] fmspc, byte[] pceId, int[] sgx, int pceSvn, byte[] teeTcbSvn,
      String status, byte[] moduleMrSigner) {
    StringBuilder s = new StringBuilder();
    s.append("{\"id\":\"TDX\",\"version\":3,\"issueDate\":\"").append(ts(issue))
        .append("\",\"nextUpdate\":\"").append(ts(next))
        .append("\",\"fmspc\":\"").append(Hex.encode(fmspc))
        .append("\",\"pceId\":\"").append(Hex.encode(pceId))
        .append("\",\"tcbType\":0,\"tcbEvaluationDataNumber\":1,\"tdxModule\":{\"mrsigner\":\"")
        .append(Hex.encode(moduleMrSigner)).append("\",\"attributes\":\"0000000000000000\",\"attributesMask\":\"FFFFFFFFFFFFFFFF\"},")
        .append("\"tcbLevels\":[{\"tcb\":{\"sgxtcbcomponents\":[");
    for (int i = 0; i < 16; i++) {
      s.append(i > 0 ? "," : "").append("{\"svn\":").append(sgx[i]).append('}');
    }
    s.append("],\"pcesvn\":").append(pceSvn).append(",\"tdxtcbcomponents\":[");
    for (int i = 0; i < 16; i++) {
      s.append(i > 0 ? "," : "").append("{\"svn\":").append(teeTcbSvn[i] & 0xff).append('}');
    }
    s.append("]},\"tcbDate\":\"").append(ts(issue.truncatedTo(ChronoUnit.DAYS)))
        .append("\",\"tcbStatus\":\"").append(status).append("\"}]}");
    return s.toString();
  }

  static String qeIdentity(Instant issue, Instant next, byte[] mrSigner, int isvProdId, int isvSvn) {
    return "{\"id\":\"TD_QE\",\"version\":2,\"issueDate\":\"" + ts(issue) + "\",\"nextUpdate\":\"" + ts(next)
        + "\",\"tcbEvaluationDataNumber\":1,\"miscselect\":\"00000000\",\"miscselectMask\":\"FFFFFFFF\","
        + "\"attributes\":\"11000000000000000000000000000000\","
        + "\"attributesMask\":\"FBFFFFFFFFFFFFFF0000000000000000\",\"mrsigner\":\"" + Hex.encode(mrSigner).toUpperCase()
        + "\",\"isvprodid\":" + isvProdId + ",\"tcbLevels\":[{\"tcb\":{\"isvsvn\":" + isvSvn
        + "},\"tcbDate\":\"" + ts(issue.truncatedTo(ChronoUnit.DAYS)) + "\",\"tcbStatus\":\"UpToDate\"}]}";
  }

  private static String ts(Instant t) {
    return t.truncatedTo(ChronoUnit.SECONDS).toString();
  }
}
