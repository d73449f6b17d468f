package org.refocus.models.tfjs;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * A TF.js graph model: {@code model.json} of format {@code graph-model} (a TensorFlow GraphDef in
 * JSON: nodes with ops, inputs and attributes), its signature, and its constants, which the
 * converter stores in the weight shards under the constant nodes' names.
 */
public final class GraphModelFile {

  private final Path file;
  private final List<GraphNode> nodes;
  private final List<String> inputs;
  private final List<String> outputs;
  private final WeightManifest constants;

  private GraphModelFile(
      Path file,
      List<GraphNode> nodes,
      List<String> inputs,
      List<String> outputs,
      WeightManifest constants) {
    this.file = file;
    this.nodes = List.copyOf(nodes);
    this.inputs = List.copyOf(inputs);
    this.outputs = List.copyOf(outputs);
    this.constants = constants;
  }

  public static GraphModelFile read(Path modelJson) throws TfjsFormatException {
    JsonNode root = ModelJson.read(modelJson, "graph-model");
    List<GraphNode> nodes = new ArrayList<>();
    for (JsonNode node : root.path("modelTopology").path("node")) {
      nodes.add(node(modelJson, node));
    }
    if (root.path("modelTopology").path("library").path("function").size() > 0) {
      throw new TfjsFormatException(modelJson, "graph functions (control flow) are not supported");
    }
    JsonNode signature = root.path("signature");
    return new GraphModelFile(
        modelJson,
        nodes,
        tensorNames(signature.path("inputs")),
        tensorNames(signature.path("outputs")),
        WeightManifest.parse(modelJson, root.path("weightsManifest"), Set.of("float32", "int32")));
  }

  private static GraphNode node(Path modelJson, JsonNode node) throws TfjsFormatException {
    String name = node.path("name").asText();
    List<String> inputs = new ArrayList<>();
    for (JsonNode input : node.path("input")) {
      String ref = input.asText();
      if (ref.startsWith("^")) {
        continue;
      }
      int colon = ref.lastIndexOf(':');
      if (colon >= 0) {
        if (!ref.substring(colon + 1).equals("0")) {
          throw new TfjsFormatException(
              modelJson,
              "node '" + name + "' reads output " + ref + "; only first outputs are supported");
        }
        ref = ref.substring(0, colon);
      }
      inputs.add(ref);
    }
    Map<String, JsonNode> attributes = new LinkedHashMap<>();
    Iterator<Map.Entry<String, JsonNode>> fields = node.path("attr").fields();
    while (fields.hasNext()) {
      Map.Entry<String, JsonNode> f = fields.next();
      attributes.put(f.getKey(), f.getValue());
    }
    return new GraphNode(name, node.path("op").asText(), inputs, attributes);
  }

  /** Signature tensor names ({@code Identity:0}) as node names ({@code Identity}), in order. */
  private static List<String> tensorNames(JsonNode endpoints) {
    List<String> names = new ArrayList<>();
    endpoints.forEach(
        e -> {
          String n = e.path("name").asText();
          names.add(n.endsWith(":0") ? n.substring(0, n.length() - 2) : n);
        });
    return names;
  }

  public Path file() {
    return file;
  }

  public List<GraphNode> nodes() {
    return nodes;
  }

  public List<String> inputs() {
    return inputs;
  }

  public List<String> outputs() {
    return outputs;
  }

  /** The distinct ops the graph uses, sorted. */
  public Set<String> ops() {
    Set<String> ops = new TreeSet<>();
    nodes.forEach(n -> ops.add(n.op()));
    return ops;
  }

  public List<Path> shardFiles() {
    return constants.shardFiles();
  }

  /** Every constant by node name. */
  public Map<String, ConstTensor> readConstants() throws TfjsFormatException {
    return constants.read();
  }
}
