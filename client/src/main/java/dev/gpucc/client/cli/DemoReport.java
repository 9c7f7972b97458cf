package dev.gpucc.client.cli;

import com.google.gson.GsonBuilder;
import dev.gpucc.attestation.Reason;
import dev.gpucc.attestation.Verdict;
import dev.gpucc.client.GpuccClientException;
import dev.gpucc.client.JobOutcome;
import java.io.PrintWriter;
import java.math.BigInteger;
import java.util.LinkedHashMap;
import java.util.Map;

/** Prints the demo's verdict: a short human summary, or the same as JSON. */
final class DemoReport {
  private DemoReport() {}

  static int success(
      JobOutcome outcome, BigInteger a, BigInteger b, BigInteger product, boolean productOk, int bits, boolean json, PrintWriter out) {
    Verdict v = outcome.verdict();
    boolean accepted = v.accepted() && productOk;
    if (json) {
      Map<String, Object> m = VerdictPrinter.toMap(v);
      m.put("verdict", accepted ? "ACCEPTED" : "REJECTED");
      Map<String, Object> demo = new LinkedHashMap<>();
      demo.put("bits", bits);
      demo.put("a", a.toString(16));
      demo.put("b", b.toString(16));
      demo.put("product", product.toString(16));
      demo.put("product_checked_locally", productOk);
      m.put("demo", demo);
      out.println(new GsonBuilder().setPrettyPrinting().disableHtmlEscaping().create().toJson(m));
    } else {
      Map<String, Object> c = v.claims();
      out.println("gpucc demo: product of two random " + bits + "-bit primes");
      line(out, "job", c.get("job.id") + "  " + c.get("job.kernel"));
      line(out, "ran on", c.get("job.executor"));
      line(out, "server", c.get("job.server_version"));
      String tee = String.valueOf(c.getOrDefault("tee", "?"));
      line(out, "evidence", tee + (v.simulated()
          ? " report, SIMULATED (gpucc-made root: NO hardware protection, demo only)"
          : " report, hardware-signed"));
      line(out, "measurement", first(c, "snp.measurement", "tdx.mrtd"));
      line(out, "TCB", first(c, "snp.reported_tcb", "tdx.tcb_status"));
      Object gpus = c.getOrDefault("gpu.count", 0);
      line(out, "GPU evidence", gpus + " GPU(s), bound to this job"
          + (c.containsKey("gpu0.driver_version") ? "; GPU 0 driver " + c.get("gpu0.driver_version") + ", VBIOS "
              + c.get("gpu0.vbios_version") : ""));
      line(out, "product", product.bitLength() + " bits, " + (productOk
          ? "matches a*b recomputed locally" : "DOES NOT MATCH a*b recomputed locally"));
      if (v.simulated()) {
        out.println("!! SIMULATED evidence: accepted only because the demo policy allows its own embedded simulator !!");
      }
      out.println("VERDICT: " + (accepted ? "ACCEPTED" : "REJECTED"));
      for (Reason r : v.reasons()) {
        out.println("  - " + r.message() + " [" + r.code() + "]");
      }
      if (!productOk) {
        out.println("  - the product returned by the server is wrong [PRODUCT_MISMATCH]");
      }
    }
    return accepted ? ExitCodes.OK : ExitCodes.REJECTED;
  }

  static int failure(GpuccClientException e, boolean json, PrintWriter out, PrintWriter err) {
    int code = switch (e.kind()) {
      case CONNECTION -> ExitCodes.CONNECTION;
      case JOB_FAILED -> ExitCodes.JOB_FAILED;
      case ATTESTATION_REJECTED, RECEIPT_REJECTED -> ExitCodes.REJECTED;
    };
    if (e.verdict().isPresent()) {
      Verdict v = e.verdict().get();
      if (json) {
        out.println(VerdictPrinter.toJson(v));
      } else {
        out.println(e.kind() == GpuccClientException.Kind.ATTESTATION_REJECTED
            ? "The server's evidence was REJECTED; no input was sent." : "The job's receipt was REJECTED; outputs discarded.");
        VerdictPrinter.printHuman(v, out);
      }
    } else {
      err.println("gpucc: " + e.getMessage());
    }
    return code;
  }

  private static void line(PrintWriter out, String label, Object value) {
    out.printf("  %-14s %s%n", label, value);
  }

  private static Object first(Map<String, Object> c, String... keys) {
    for (String k : keys) {
      if (c.containsKey(k)) {
        return c.get(k);
      }
    }
    return "(not reported)";
  }
}
