package org.refocus.models.tfjs;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;

/**
 * One node of a TF.js graph model, as the converter wrote it from the TensorFlow GraphDef.
 *
 * @param inputs the producing nodes of the data inputs, in order (control inputs, {@code ^name},
 *     order execution only and are dropped: a dataflow executor needs no such order)
 * @param attributes TensorFlow attributes, still in their JSON form ({@code i}, {@code f}, {@code
 *     s} as base64, {@code b}, {@code type}, {@code list}, {@code shape}, {@code tensor})
 */
public record GraphNode(
    String name, String op, List<String> inputs, Map<String, JsonNode> attributes) {

  public GraphNode {
    inputs = List.copyOf(inputs);
    attributes = Map.copyOf(attributes);
  }

  public long intAttribute(String key, long fallback) {
    JsonNode a = attributes.get(key);
    return a == null || !a.has("i") ? fallback : a.get("i").asLong();
  }

  public boolean boolAttribute(String key, boolean fallback) {
    JsonNode a = attributes.get(key);
    return a == null || !a.has("b") ? fallback : a.get("b").asBoolean();
  }

  /** A string attribute ({@code s}), which the converter stores base64-encoded. */
  public String stringAttribute(String key, String fallback) {
    JsonNode a = attributes.get(key);
    if (a == null || !a.has("s")) {
      return fallback;
    }
    return new String(Base64.getDecoder().decode(a.get("s").asText()), StandardCharsets.UTF_8);
  }

  public List<Long> intListAttribute(String key) {
    JsonNode a = attributes.get(key);
    List<Long> values = new ArrayList<>();
    if (a != null) {
      a.path("list").path("i").forEach(v -> values.add(v.asLong()));
    }
    return values;
  }

  /** A type attribute such as {@code DT_FLOAT}, or null. */
  public String typeAttribute(String key) {
    JsonNode a = attributes.get(key);
    return a == null || !a.has("type") ? null : a.get("type").asText();
  }
}
