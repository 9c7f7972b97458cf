package dev.gpucc.client.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

class ConfigFileTest {
  @TempDir Path dir;

  @Test
  void valuesApply_butFlagsWin() throws Exception {
    Path f = dir.resolve("serve.properties");
    Files.writeString(f, "port=9999\nlisten=0.0.0.0\nsimulate=true\nmax-concurrent-jobs=8\n");
    ServeCommand cmd = new ServeCommand();
    CommandLine cl = new CommandLine(cmd);
    cl.parseArgs("--port", "7000");
    ConfigFile.apply(f, cl);
    assertThat(cmd.port).isEqualTo(7000);
    assertThat(cmd.host).isEqualTo("0.0.0.0");
    assertThat(cmd.simulate).isTrue();
    assertThat(cmd.maxConcurrentJobs).isEqualTo(8);
  }

  @Test
  void unknownKeyOrBadNumber_isUsageError() throws Exception {
    Path f = dir.resolve("bad.properties");
    Files.writeString(f, "prot=1\n");
    CommandLine cl = new CommandLine(new ServeCommand());
    cl.parseArgs();
    assertThatThrownBy(() -> ConfigFile.apply(f, cl)).isInstanceOf(UsageException.class).hasMessageContaining("unknown key 'prot'");
    Files.writeString(f, "port=abc\n");
    assertThatThrownBy(() -> ConfigFile.apply(f, cl)).hasMessageContaining("'port' must be a number");
  }
}
