package org.refocus.models.pipeline;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * Presets are restoration settings kept as JSON: the bundled ones by name ({@link #BUNDLED}), or
 * any .json file by path.
 */
public final class Presets {

  public static final String DEFAULT = "conservative";
  public static final List<String> BUNDLED =
      List.of(
          "conservative",
          "enlarge-2x",
          "enlarge-2x-neural-fast",
          "enlarge-2x-neural-best",
          "enlarge-4x-neural-fast",
          "enlarge-4x-neural-best",
          "restore-neural",
          "off");

  private static final ObjectMapper JSON =
      new ObjectMapper().enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

  private Presets() {}

  /** A bundled preset by name, or a JSON file when {@code nameOrPath} ends in .json. */
  public static RestorationSettings load(String nameOrPath) throws IOException {
    if (nameOrPath.endsWith(".json")) {
      Path file = Path.of(nameOrPath);
      try (InputStream in = Files.newInputStream(file)) {
        return parse(in, file.toString());
      }
    }
    if (!BUNDLED.contains(nameOrPath)) {
      throw new IllegalArgumentException(
          "no preset '" + nameOrPath + "': use one of " + BUNDLED + " or a .json file");
    }
    try (InputStream in = Presets.class.getResourceAsStream("presets/" + nameOrPath + ".json")) {
      return parse(in, "preset " + nameOrPath);
    }
  }

  private static RestorationSettings parse(InputStream in, String source) throws IOException {
    try {
      return JSON.readValue(in, RestorationSettings.class);
    } catch (JsonProcessingException e) {
      throw new IllegalArgumentException(source + ": " + e.getOriginalMessage(), e);
    }
  }
}
