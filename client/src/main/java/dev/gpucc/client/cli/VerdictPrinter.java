package dev.gpucc.client.cli;

import com.google.gson.GsonBuilder;
import dev.gpucc.attestation.Reason;
import dev.gpucc.attestation.Verdict;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Prints a verdict the same way for every {@code gpucc verify ...} command: a short human text,
 * or with --json {"verdict": "ACCEPTED"|"REJECTED", "reasons": [{"code","message"}], "claims":
 * {...}} (plus "simulated" and "warnings").
 */
public final class VerdictPrinter {
  private VerdictPrinter() {}

  public static int print(Verdict verdict, boolean json, PrintStream out) {
    if (json) {
      out.println(toJson(verdict));
    } else {
      printHuman(verdict, out);
    }
    return verdict.accepted() ? ExitCodes.OK : ExitCodes.REJECTED;
  }

  /** Same as {@link #print(Verdict, boolean, PrintStream)} for picocli's writers. */
  public static int print(Verdict verdict, boolean json, java.io.PrintWriter out) {
    if (json) {
      out.println(toJson(verdict));
    } else {
      printHuman(verdict, out);
    }
    out.flush();
    return verdict.accepted() ? ExitCodes.OK : ExitCodes.REJECTED;
  }

  public static String toJson(Verdict verdict) {
    return new GsonBuilder()
        .setPrettyPrinting()
        .disableHtmlEscaping()
        .serializeNulls()
        .create()
        .toJson(toMap(verdict));
  }

  public static Map<String, Object> toMap(Verdict verdict) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("verdict", verdict.accepted() ? "ACCEPTED" : "REJECTED");
    m.put("simulated", verdict.simulated());
    m.put("reasons", reasons(verdict.reasons()));
    m.put("warnings", reasons(verdict.warnings()));
    m.put("claims", verdict.claims());
    return m;
  }

  private static List<Map<String, String>> reasons(List<Reason> list) {
    List<Map<String, String>> out = new ArrayList<>();
    for (Reason r : list) {
      Map<String, String> e = new LinkedHashMap<>();
      e.put("code", r.code());
      e.put("message", r.message());
      out.add(e);
    }
    return out;
  }

  public static void printHuman(Verdict verdict, PrintStream out) {
    java.io.PrintWriter w = new java.io.PrintWriter(out, true);
    printHuman(verdict, w);
    w.flush();
  }

  public static void printHuman(Verdict verdict, java.io.PrintWriter out) {
    if (verdict.simulated()) {
      out.println("!! SIMULATED EVIDENCE: no hardware root of trust; this proves nothing about a TEE !!");
    }
    for (Map.Entry<String, Object> e : verdict.claims().entrySet()) {
      out.printf("  %-28s %s%n", e.getKey(), e.getValue());
    }
    for (Reason w : verdict.warnings()) {
      out.println("  warning: " + w.message() + " [" + w.code() + "]");
    }
    if (verdict.accepted()) {
      out.println("ACCEPTED");
    } else {
      out.println("REJECTED");
      for (Reason r : verdict.reasons()) {
        out.println("  - " + r.message() + " [" + r.code() + "]");
      }
    }
  }
}
