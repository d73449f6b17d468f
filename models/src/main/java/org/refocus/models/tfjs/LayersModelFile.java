package org.refocus.models.tfjs;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A TF.js Keras layers model: {@code model.json} (format {@code layers-model}) with its topology
 * and weights manifest, and the weight shards beside it.
 *
 * <p>Only what the Keras functional and sequential JSON say is trusted; anything this reader does
 * not understand (shared layers, quantised or non-float weights, Keras 3 call syntax) is refused
 * rather than guessed at.
 */
public final class LayersModelFile {

  private static final ObjectMapper JSON = new ObjectMapper();

  private final Path file;
  private final List<LayerNode> layers;
  private final List<String> inputs;
  private final List<String> outputs;
  private final List<WeightGroup> groups;

  private record WeightGroup(List<String> paths, List<WeightSpec> weights) {}

  private LayersModelFile(
      Path file,
      List<LayerNode> layers,
      List<String> inputs,
      List<String> outputs,
      List<WeightGroup> groups) {
    this.file = file;
    this.layers = List.copyOf(layers);
    this.inputs = List.copyOf(inputs);
    this.outputs = List.copyOf(outputs);
    this.groups = List.copyOf(groups);
  }

  public static LayersModelFile read(Path modelJson) throws TfjsFormatException {
    JsonNode root;
    try {
      root = JSON.readTree(modelJson.toFile());
    } catch (IOException e) {
      throw new TfjsFormatException(modelJson, "not readable JSON: " + e.getMessage(), e);
    }
    String format = root.path("format").asText("");
    if (!format.equals("layers-model")) {
      throw new TfjsFormatException(
          modelJson, "format is '" + format + "', expected a TF.js layers-model");
    }
    JsonNode topology = root.path("modelTopology");
    JsonNode model = topology.has("model_config") ? topology.get("model_config") : topology;
    String modelClass = model.path("class_name").asText("");
    JsonNode config = model.path("config");
    List<LayerNode> layers = new ArrayList<>();
    List<String> inputs;
    List<String> outputs;
    switch (modelClass) {
      case "Functional", "Model" -> {
        for (JsonNode layer : config.path("layers")) {
          layers.add(functionalLayer(modelJson, layer));
        }
        inputs = endpointNames(modelJson, config.path("input_layers"));
        outputs = endpointNames(modelJson, config.path("output_layers"));
      }
      case "Sequential" -> {
        String previous = null;
        JsonNode list = config.isArray() ? config : config.path("layers");
        for (JsonNode layer : list) {
          String name = layer.path("config").path("name").asText();
          layers.add(
              new LayerNode(
                  layer.path("class_name").asText(),
                  name,
                  layer.path("config"),
                  previous == null ? List.of() : List.of(previous)));
          previous = name;
        }
        if (layers.isEmpty()) {
          throw new TfjsFormatException(modelJson, "the sequential model has no layers");
        }
        inputs = List.of(layers.get(0).name());
        outputs = List.of(previous);
      }
      default ->
          throw new TfjsFormatException(
              modelJson,
              "model class '" + modelClass + "' is not a Keras functional or sequential model");
    }
    return new LayersModelFile(
        modelJson, layers, inputs, outputs, manifest(modelJson, root.path("weightsManifest")));
  }

  private static LayerNode functionalLayer(Path modelJson, JsonNode layer)
      throws TfjsFormatException {
    String name = layer.path("name").asText();
    JsonNode calls = layer.path("inbound_nodes");
    if (calls.size() > 1) {
      throw new TfjsFormatException(
          modelJson, "layer '" + name + "' is called " + calls.size() + " times (shared layers)");
    }
    List<String> inputs = new ArrayList<>();
    if (calls.size() == 1) {
      for (JsonNode edge : calls.get(0)) {
        if (!edge.isArray() || edge.size() < 3) {
          throw new TfjsFormatException(
              modelJson, "layer '" + name + "' has an inbound node in an unknown syntax: " + edge);
        }
        if (edge.get(1).asInt() != 0 || edge.get(2).asInt() != 0) {
          throw new TfjsFormatException(
              modelJson,
              "layer '" + name + "' reads a second output of '" + edge.get(0).asText() + "'");
        }
        inputs.add(edge.get(0).asText());
      }
    }
    return new LayerNode(layer.path("class_name").asText(), name, layer.path("config"), inputs);
  }

  private static List<String> endpointNames(Path modelJson, JsonNode endpoints)
      throws TfjsFormatException {
    List<String> names = new ArrayList<>();
    for (JsonNode endpoint : endpoints) {
      names.add(endpoint.get(0).asText());
    }
    if (names.isEmpty()) {
      throw new TfjsFormatException(modelJson, "the model declares no input or output layer");
    }
    return names;
  }

  private static List<WeightGroup> manifest(Path modelJson, JsonNode manifest)
      throws TfjsFormatException {
    List<WeightGroup> groups = new ArrayList<>();
    for (JsonNode group : manifest) {
      List<String> paths = new ArrayList<>();
      group.path("paths").forEach(p -> paths.add(p.asText()));
      List<WeightSpec> weights = new ArrayList<>();
      for (JsonNode w : group.path("weights")) {
        String name = w.path("name").asText();
        if (w.hasNonNull("quantization")) {
          throw new TfjsFormatException(
              modelJson, "weight '" + name + "' is quantised; only float32 weights are supported");
        }
        String dtype = w.path("dtype").asText("float32");
        if (!dtype.equals("float32")) {
          throw new TfjsFormatException(
              modelJson,
              "weight '" + name + "' is " + dtype + "; only float32 weights are supported");
        }
        long[] shape = new long[w.path("shape").size()];
        for (int i = 0; i < shape.length; i++) {
          shape[i] = w.path("shape").get(i).asLong();
        }
        weights.add(new WeightSpec(name, shape, dtype));
      }
      groups.add(new WeightGroup(paths, weights));
    }
    return groups;
  }

  public Path file() {
    return file;
  }

  /** Layers in the order the topology lists them, which Keras keeps topological. */
  public List<LayerNode> layers() {
    return layers;
  }

  public List<String> inputs() {
    return inputs;
  }

  public List<String> outputs() {
    return outputs;
  }

  /** The manifest's tensors by name, without reading the shards. */
  public Map<String, WeightSpec> weightSpecs() {
    Map<String, WeightSpec> specs = new LinkedHashMap<>();
    for (WeightGroup group : groups) {
      for (WeightSpec w : group.weights()) {
        specs.put(w.name(), w);
      }
    }
    return specs;
  }

  /** Every shard file the weights live in, relative to the model's directory. */
  public List<Path> shardFiles() {
    Path dir = file.toAbsolutePath().getParent();
    return groups.stream().flatMap(g -> g.paths().stream()).map(dir::resolve).toList();
  }

  /**
   * All weights by name. Within a group the shards are one byte stream cut into pieces, the tensors
   * laid end to end in manifest order, little-endian.
   */
  public Map<String, Tensor> readWeights() throws TfjsFormatException {
    Map<String, Tensor> tensors = new LinkedHashMap<>();
    Path dir = file.toAbsolutePath().getParent();
    for (WeightGroup group : groups) {
      long expected = 0;
      for (WeightSpec w : group.weights()) {
        expected += 4 * w.elementCount();
      }
      ByteBuffer bytes =
          ByteBuffer.allocate(Math.toIntExact(expected)).order(ByteOrder.LITTLE_ENDIAN);
      for (String shard : group.paths()) {
        Path path = dir.resolve(shard);
        try (InputStream in = Files.newInputStream(path)) {
          byte[] chunk = in.readAllBytes();
          if (chunk.length > bytes.remaining()) {
            throw new TfjsFormatException(
                path, "holds more bytes than the manifest declares (" + expected + " in all)");
          }
          bytes.put(chunk);
        } catch (IOException e) {
          throw new TfjsFormatException(path, "weight shard not readable: " + e.getMessage(), e);
        }
      }
      if (bytes.hasRemaining()) {
        throw new TfjsFormatException(
            file,
            "weight shards "
                + group.paths()
                + " hold "
                + bytes.position()
                + " bytes, the manifest declares "
                + expected);
      }
      bytes.flip();
      for (WeightSpec w : group.weights()) {
        float[] values = new float[Math.toIntExact(w.elementCount())];
        bytes.asFloatBuffer().get(values);
        bytes.position(bytes.position() + 4 * values.length);
        tensors.put(w.name(), new Tensor(w.shape(), values));
      }
    }
    return tensors;
  }
}
