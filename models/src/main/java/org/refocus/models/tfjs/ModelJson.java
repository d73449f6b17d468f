package org.refocus.models.tfjs;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Path;

/** A TF.js {@code model.json}, parsed and checked to be of the expected format. */
final class ModelJson {

  private static final ObjectMapper JSON = new ObjectMapper();

  private ModelJson() {}

  /**
   * @param format {@code layers-model} or {@code graph-model}
   */
  static JsonNode read(Path modelJson, String format) throws TfjsFormatException {
    JsonNode root;
    try {
      root = JSON.readTree(modelJson.toFile());
    } catch (IOException e) {
      throw new TfjsFormatException(modelJson, "not readable JSON: " + e.getMessage(), e);
    }
    String actual = root.path("format").asText("");
    if (!actual.equals(format)) {
      throw new TfjsFormatException(
          modelJson, "format is '" + actual + "', expected a TF.js " + format);
    }
    return root;
  }
}
