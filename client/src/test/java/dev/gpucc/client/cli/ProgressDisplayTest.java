package dev.gpucc.client.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import org.junit.jupiter.api.Test;

class ProgressDisplayTest {
  @Test
  void plainMode_printsOneLinePerPhase() {
    StringWriter w = new StringWriter();
    ProgressDisplay d = new ProgressDisplay(new PrintWriter(w), false);
    d.onProgress("compute", 0.1, "running");
    d.onProgress("compute", 0.5, "running");
    d.onProgress("evidence", 0.8, "collecting");
    assertThat(w.toString()).isEqualTo("progress:  10% compute: running\nprogress:  80% evidence: collecting\n");
  }

  @Test
  void terminalMode_redrawsABar() {
    StringWriter w = new StringWriter();
    ProgressDisplay d = new ProgressDisplay(new PrintWriter(w), true);
    d.onProgress("compute", 0.5, "x");
    d.finish();
    assertThat(w.toString()).startsWith("\r[###############...............]  50% compute").endsWith("\n");
  }
}
