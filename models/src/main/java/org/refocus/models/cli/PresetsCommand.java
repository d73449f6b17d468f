package org.refocus.models.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.util.List;
import org.refocus.models.pipeline.Presets;

/** {@code refocus presets}: the bundled presets and what they do. */
final class PresetsCommand {

  private final PrintStream out;

  PresetsCommand(PrintStream out) {
    this.out = out;
  }

  int run(List<String> args) {
    ObjectMapper json =
        new ObjectMapper()
            .setSerializationInclusion(
                com.fasterxml.jackson.annotation.JsonInclude.Include.NON_NULL);
    for (String name : Presets.BUNDLED) {
      try {
        out.printf(
            "%-24s %s%s%n",
            name,
            json.writeValueAsString(Presets.load(name)),
            name.equals(Presets.DEFAULT) ? "  (default)" : "");
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
    return RefocusCli.OK;
  }
}
