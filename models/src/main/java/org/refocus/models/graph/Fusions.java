package org.refocus.models.graph;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.refocus.models.tfjs.GraphNode;

/**
 * Rewrites of the planned order that let the engine do in one call what the converter wrote as two.
 * A convolution or a dense Einsum whose only consumer adds a constant per-channel vector becomes
 * one node, {@code Conv2D+BiasAdd} or {@code Einsum+BiasAdd}, whose third input is that vector: the
 * engines add a bias inside the product's own kernel, saving a pass over the output.
 */
final class Fusions {

  static final String BIAS_ADD = "+BiasAdd";

  private Fusions() {}

  /** The fused order; {@code host} and {@code constants} gain the bias vectors. */
  static List<GraphNode> biasAdds(
      List<GraphNode> order, Set<String> host, Map<String, HostTensor> constants, String output) {
    Map<String, Integer> consumers = new HashMap<>();
    Map<String, GraphNode> byName = new HashMap<>();
    for (GraphNode node : order) {
      byName.put(node.name(), node);
      node.inputs().forEach(i -> consumers.merge(i, 1, Integer::sum));
    }
    Map<String, GraphNode> replaced = new HashMap<>();
    Set<String> absorbed = new HashSet<>();
    for (GraphNode add : order) {
      if (!add.op().equals("AddV2") || host.contains(add.name())) {
        continue;
      }
      for (int side = 0; side < 2; side++) {
        GraphNode product = byName.get(add.inputs().get(side));
        HostTensor bias = constants.get(add.inputs().get(1 - side));
        if (product != null
            && bias != null
            && !product.name().equals(output)
            && consumers.get(product.name()) == 1
            && bias.type() == HostTensor.Type.FLOAT
            && perChannel(bias, outputChannels(product, constants))) {
          String vector = add.inputs().get(1 - side) + "/vector";
          constants.put(vector, bias.reshape(bias.dim(bias.rank() - 1)));
          host.add(vector);
          List<String> inputs = new ArrayList<>(product.inputs());
          inputs.add(vector);
          replaced.put(
              add.name(),
              new GraphNode(add.name(), product.op() + BIAS_ADD, inputs, product.attributes()));
          absorbed.add(product.name());
          break;
        }
      }
    }
    List<GraphNode> fused = new ArrayList<>();
    for (GraphNode node : order) {
      if (!absorbed.contains(node.name())) {
        fused.add(replaced.getOrDefault(node.name(), node));
      }
    }
    return fused;
  }

  /** Shaped (C) or (1, …, 1, C) with at most the product's rank 4: one value per channel. */
  private static boolean perChannel(HostTensor bias, long channels) {
    if (channels < 1 || bias.rank() < 1 || bias.rank() > 4) {
      return false;
    }
    for (int d = 0; d < bias.rank() - 1; d++) {
      if (bias.dim(d) != 1) {
        return false;
      }
    }
    return bias.dim(bias.rank() - 1) == channels;
  }

  /** The channels a product writes, from its constant weights; -1 where not a fusable product. */
  private static long outputChannels(GraphNode product, Map<String, HostTensor> constants) {
    HostTensor weights =
        product.inputs().size() == 2 ? constants.get(product.inputs().get(1)) : null;
    if (weights == null) {
      return -1;
    }
    return switch (product.op()) {
      case "Conv2D" -> weights.rank() == 4 ? weights.dim(3) : -1;
      case "Einsum" ->
          product.stringAttribute("equation", "").equals("abcg,gf->abcf") && weights.rank() == 2
              ? weights.dim(1)
              : -1;
      default -> -1;
    };
  }
}
