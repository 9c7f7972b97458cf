package dev.gpucc.client.cli;

import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Properties;
import picocli.CommandLine;
import picocli.CommandLine.Model.OptionSpec;

/**
 * Applies a config file (Java properties: the long option names without dashes, e.g.
 * {@code port=7443}) to a command's options. Flags given on the command line win. Unknown keys
 * are errors, like unknown flags.
 */
final class ConfigFile {
  private ConfigFile() {}

  static void apply(Path file, CommandLine cl) throws UsageException {
    Properties props = new Properties();
    try (Reader r = Files.newBufferedReader(file)) {
      props.load(r);
    } catch (IOException e) {
      throw new UsageException("--config: cannot read " + file + ": " + e.getMessage());
    }
    CommandLine.ParseResult parsed = cl.getParseResult();
    for (String key : props.stringPropertyNames()) {
      OptionSpec opt = cl.getCommandSpec().findOption("--" + key);
      if (opt == null || "config".equals(key)) {
        throw new UsageException("--config " + file + ": unknown key '" + key + "'");
      }
      if (parsed.hasMatchedOption(opt)) {
        continue;
      }
      String value = props.getProperty(key).strip();
      try {
        Object converted = opt.type() == boolean.class || opt.type() == Boolean.class
            ? Boolean.parseBoolean(value)
            : opt.type() == int.class ? Integer.parseInt(value)
            : opt.type() == long.class ? Long.parseLong(value)
            : value;
        opt.setValue(converted);
      } catch (NumberFormatException e) {
        throw new UsageException("--config " + file + ": '" + key + "' must be a number, got '" + value + "'");
      }
    }
  }
}
