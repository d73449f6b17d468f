package org.refocus.models.tfjs;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A TF.js Keras layers model: {@code model.json} (format {@code layers-model}) with its topology
 * and weights manifest, and the weight shards beside it.
 *
 * <p>Only what the Keras functional and sequential JSON say is trusted; anything this reader does
 * not understand (shared layers, quantised or non-float weights, Keras 3 call syntax) is refused
 * rather than guessed at.
 */
public final class LayersModelFile {

  private final Path file;
  private final List<LayerNode> layers;
  private final List<String> inputs;
  private final List<String> outputs;
  private final WeightManifest weights;

  private LayersModelFile(
      Path file,
      List<LayerNode> layers,
      List<String> inputs,
      List<String> outputs,
      WeightManifest weights) {
    this.file = file;
    this.layers = List.copyOf(layers);
    this.inputs = List.copyOf(inputs);
    this.outputs = List.copyOf(outputs);
    this.weights = weights;
  }

  public static LayersModelFile read(Path modelJson) throws TfjsFormatException {
    JsonNode root = ModelJson.read(modelJson, "layers-model");
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
        JsonNode list = config.isArray() ? config : config.path("layers");
        if (list.size() == 0) {
          throw new TfjsFormatException(modelJson, "the sequential model has no layers");
        }
        String previous = null;
        if (!list.get(0).path("class_name").asText().equals("InputLayer")) {
          // Keras builds this input implicitly from the first layer's batch_input_shape
          previous = list.get(0).path("config").path("name").asText() + "_input";
          layers.add(new LayerNode("InputLayer", previous, list.get(0).path("config"), List.of()));
        }
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
        inputs = List.of(layers.get(0).name());
        outputs = List.of(previous);
      }
      default ->
          throw new TfjsFormatException(
              modelJson,
              "model class '" + modelClass + "' is not a Keras functional or sequential model");
    }
    return new LayersModelFile(
        modelJson,
        layers,
        inputs,
        outputs,
        WeightManifest.parse(modelJson, root.path("weightsManifest"), Set.of("float32")));
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
      names.add(endpoint.isArray() ? endpoint.get(0).asText() : endpoint.asText());
    }
    if (names.isEmpty()) {
      throw new TfjsFormatException(modelJson, "the model declares no input or output layer");
    }
    return names;
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
    return weights.specs();
  }

  /** Every shard file the weights live in. */
  public List<Path> shardFiles() {
    return weights.shardFiles();
  }

  /** All weights by name (float32: the manifest was checked). */
  public Map<String, ConstTensor> readWeights() throws TfjsFormatException {
    return weights.read();
  }
}
