package org.refocus.models.neural;

import ai.djl.MalformedModelException;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.AbstractBlock;
import ai.djl.nn.Parameter;
import ai.djl.training.ParameterStore;
import ai.djl.util.PairList;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * An imported Keras graph as one DJL block: one NCHW image in, one out. Layers run in topological
 * order and every intermediate is closed after its last consumer, so peak memory is the widest cut
 * of the graph, not the sum of all activations.
 */
public final class LayerGraphBlock extends AbstractBlock {

  private static final byte VERSION = 1;

  private final String input;
  private final String output;
  private final List<Layer> layers;
  private final String signature;

  LayerGraphBlock(String input, String output, List<Layer> layers) {
    super(VERSION);
    this.input = input;
    this.output = output;
    this.layers = List.copyOf(layers);
    java.util.Set<String> defined = new java.util.HashSet<>(List.of(input));
    for (Layer layer : this.layers) {
      for (String name : layer.inputs()) {
        if (!defined.contains(name)) {
          throw new UnsupportedLayerException(
              "layer '" + layer.name() + "' reads '" + name + "', which no earlier layer defines");
        }
      }
      defined.add(layer.name());
    }
    if (!defined.contains(output)) {
      throw new UnsupportedLayerException("the output layer '" + output + "' is not defined");
    }
    StringBuilder sig = new StringBuilder();
    for (Layer layer : this.layers) {
      for (Parameter p : layer.parameters()) {
        addParameter(p);
        sig.append(p.getName()).append(layer.parameterShape(p)).append(';');
      }
    }
    this.signature = sig.toString();
    // any image size; DJL counts a block with input shapes as initialised (ready to save)
    this.inputNames = List.of(input);
    this.inputShapes = new Shape[] {new Shape(1, 3, -1, -1)};
  }

  @Override
  protected NDList forwardInternal(
      ParameterStore parameterStore,
      NDList inputs,
      boolean training,
      PairList<String, Object> params) {
    Map<String, Integer> remainingUses = consumerCounts();
    Map<String, NDArray> values = new HashMap<>();
    values.put(input, inputs.singletonOrThrow());
    for (Layer layer : layers) {
      List<NDArray> arguments = new ArrayList<>(layer.inputs().size());
      for (String name : layer.inputs()) {
        arguments.add(values.get(name));
      }
      NDArray result = layer.forward(parameterStore, arguments);
      for (String name : layer.inputs()) {
        if (remainingUses.merge(name, -1, Integer::sum) == 0 && !name.equals(input)) {
          values.remove(name).close();
        }
      }
      values.put(layer.name(), result);
    }
    return new NDList(values.get(output));
  }

  private Map<String, Integer> consumerCounts() {
    Map<String, Integer> counts = new HashMap<>();
    for (Layer layer : layers) {
      for (String name : layer.inputs()) {
        counts.merge(name, 1, Integer::sum);
      }
    }
    counts.merge(output, 1, Integer::sum); // the output outlives the graph
    return counts;
  }

  @Override
  public Shape[] getOutputShapes(Shape[] inputShapes) {
    return new Shape[] {shapes(inputShapes[0]).get(output)};
  }

  private Map<String, Shape> shapes(Shape inputShape) {
    Map<String, Shape> shapes = new HashMap<>();
    shapes.put(input, inputShape);
    for (Layer layer : layers) {
      shapes.put(layer.name(), layer.outputShape(argumentShapes(layer, shapes)));
    }
    return shapes;
  }

  private static List<Shape> argumentShapes(Layer layer, Map<String, Shape> shapes) {
    return layer.inputs().stream().map(shapes::get).toList();
  }

  /** The shape each parameter must have, by parameter name. */
  Map<String, Shape> parameterShapes() {
    Map<String, Shape> shapes = new HashMap<>();
    for (Layer layer : layers) {
      for (Parameter p : layer.parameters()) {
        shapes.put(p.getName(), layer.parameterShape(p));
      }
    }
    return shapes;
  }

  /** Multiply-adds of one forward pass over an image of the given NCHW shape. */
  public long multiplyAdds(Shape inputShape) {
    Map<String, Shape> shapes = shapes(inputShape);
    long total = 0;
    for (Layer layer : layers) {
      total += layer.multiplyAdds(argumentShapes(layer, shapes));
    }
    return total;
  }

  /**
   * The largest intermediate any layer may build, in elements (see {@link
   * Layer#workspaceElements}).
   */
  public long largestWorkspace(Shape inputShape) {
    Map<String, Shape> shapes = shapes(inputShape);
    long largest = 0;
    for (Layer layer : layers) {
      largest = Math.max(largest, layer.workspaceElements(argumentShapes(layer, shapes)));
    }
    return largest;
  }

  /**
   * The most float32 bytes alive at once during a forward pass, following the same release schedule
   * as {@link #forwardInternal}: what a tile of this shape costs beyond the weights.
   */
  public long peakActivationBytes(Shape inputShape) {
    Map<String, Shape> shapes = shapes(inputShape);
    Map<String, Integer> remainingUses = consumerCounts();
    long live = inputShape.size();
    long peak = live;
    for (Layer layer : layers) {
      live += shapes.get(layer.name()).size();
      peak = Math.max(peak, live);
      for (String name : layer.inputs()) {
        if (remainingUses.merge(name, -1, Integer::sum) == 0 && !name.equals(input)) {
          live -= shapes.get(name).size();
        }
      }
    }
    return 4 * peak;
  }

  @Override
  protected void saveMetadata(DataOutputStream os) throws IOException {
    os.writeUTF(signature);
  }

  @Override
  public void loadMetadata(byte loadVersion, DataInputStream is)
      throws IOException, MalformedModelException {
    if (loadVersion != VERSION) {
      throw new MalformedModelException("converted with block format " + loadVersion);
    }
    String saved = is.readUTF();
    if (!saved.equals(signature)) {
      throw new MalformedModelException("the parameters belong to a different graph");
    }
  }

  @Override
  protected void initializeChildBlocks(
      ai.djl.ndarray.NDManager manager, DataType dataType, Shape... inputShapes) {
    // parameters are imported or loaded, never initialised
  }

  @Override
  public String toString() {
    return "LayerGraphBlock(" + layers.size() + " layers, " + input + " → " + output + ")";
  }
}
