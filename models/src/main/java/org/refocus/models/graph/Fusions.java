package org.refocus.models.graph;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.BiConsumer;
import org.refocus.models.tfjs.GraphNode;

/**
 * Rewrites of the planned order that let the engine do in one call what the converter wrote as
 * several. The fused nodes carry ops of the executor's own, which no TensorFlow graph contains:
 *
 * <ul>
 *   <li>{@code Conv2D+BiasAdd}, {@code Einsum+BiasAdd}: a convolution or dense Einsum whose only
 *       consumer adds a constant per-channel vector; that vector is the third input, added inside
 *       the product's kernel.
 *   <li>{@code LayerNorm} (x, γ, β, ε, axes): layer normalisation over the last axis as the
 *       converter writes Flax's, 16 element-wise nodes: mean and mean of squares, variance as their
 *       difference clamped at 0, then (x − mean) · (rsqrt(variance + ε) · γ) + β.
 *   <li>{@code FusedLeakyRelu} (x, α): JAX's leaky ReLU as converted, x ≥ 0 ? x : α·x in three
 *       nodes (a comparison, a product, a select). Named apart from TensorFlow's own {@code
 *       LeakyRelu}, which takes α as an attribute.
 * </ul>
 *
 * One rewrite fuses nothing: a {@code Reshape} that feeds a {@code ConcatV2} becomes {@code
 * Reshape+Copy}. The executor's reshapes are views of their input's memory, and MXNet's oneDNN
 * concatenation refuses views: its fallback is ten times slower than the copy. Only the graph's own
 * Reshape nodes are known to be views here; other kernels that end in a view (a slice, a transpose
 * of more than four axes) still concatenate correctly, by the slower path. In MAXIM every input of
 * a concatenation is a Reshape or an AddV2.
 *
 * <p>The converter stores per-channel vectors as (1, 1, 1, C): the plan gains each as a C vector,
 * {@code NAME/vector}, a constant like the others. Every node a fusion absorbs must feed only the
 * fused pattern, so no value the rest of the graph reads disappears.
 */
final class Fusions {

  static final String BIAS_ADD = "+BiasAdd";
  static final String LAYER_NORM = "LayerNorm";
  static final String GELU = "Gelu";
  static final String LEAKY_RELU = "FusedLeakyRelu";
  static final String RESHAPE_COPY = "Reshape+Copy";

  private final Set<String> host;
  private final Map<String, HostTensor> constants;
  private final String output;
  private final Map<String, GraphNode> byName = new HashMap<>();
  private final Map<String, Integer> consumers = new HashMap<>();
  private final Map<String, GraphNode> replaced = new HashMap<>();
  private final Set<String> absorbed = new HashSet<>();

  private Fusions(
      List<GraphNode> order, Set<String> host, Map<String, HostTensor> constants, String output) {
    this.host = host;
    this.constants = constants;
    this.output = output;
    for (GraphNode node : order) {
      byName.put(node.name(), node);
      node.inputs().forEach(i -> consumers.merge(i, 1, Integer::sum));
    }
  }

  /** Every rewrite; {@code host} and {@code constants} gain the per-channel vectors. */
  static List<GraphNode> apply(
      List<GraphNode> order, Set<String> host, Map<String, HostTensor> constants, String output) {
    List<GraphNode> fused = biasAdds(order, host, constants, output);
    fused = gelus(layerNorms(fused, host, constants, output), host, constants, output);
    fused = leakyRelus(fused, host, constants, output);
    return copiedBeforeConcat(fused, host);
  }

  /** The order with each engine-side Reshape that a ConcatV2 reads made a copying one. */
  static List<GraphNode> copiedBeforeConcat(List<GraphNode> order, Set<String> host) {
    Set<String> concatenated = new HashSet<>();
    for (GraphNode node : order) {
      if (node.op().equals("ConcatV2")) {
        concatenated.addAll(node.inputs());
      }
    }
    List<GraphNode> rewritten = new ArrayList<>();
    for (GraphNode node : order) {
      boolean copy =
          node.op().equals("Reshape")
              && !host.contains(node.name())
              && concatenated.contains(node.name());
      rewritten.add(
          copy ? new GraphNode(node.name(), RESHAPE_COPY, node.inputs(), node.attributes()) : node);
    }
    return rewritten;
  }

  /** The order with each tanh-form GELU as one node. */
  static List<GraphNode> gelus(
      List<GraphNode> order, Set<String> host, Map<String, HostTensor> constants, String output) {
    return rewrite(order, host, constants, output, "Mul", Fusions::fuseGelu);
  }

  /** The order with each select-form leaky ReLU as one node. */
  static List<GraphNode> leakyRelus(
      List<GraphNode> order, Set<String> host, Map<String, HostTensor> constants, String output) {
    return rewrite(order, host, constants, output, "SelectV2", Fusions::fuseLeakyRelu);
  }

  /** The order with convolutions and dense Einsums taking in their bias adds. */
  static List<GraphNode> biasAdds(
      List<GraphNode> order, Set<String> host, Map<String, HostTensor> constants, String output) {
    return rewrite(order, host, constants, output, "AddV2", Fusions::fuseBiasAdd);
  }

  /** The order with each layer normalisation as one node. */
  static List<GraphNode> layerNorms(
      List<GraphNode> order, Set<String> host, Map<String, HostTensor> constants, String output) {
    return rewrite(order, host, constants, output, "AddV2", Fusions::fuseLayerNorm);
  }

  /** Tries {@code rule} on every engine-side node whose op is the pattern's last. */
  private static List<GraphNode> rewrite(
      List<GraphNode> order,
      Set<String> host,
      Map<String, HostTensor> constants,
      String output,
      String lastOp,
      BiConsumer<Fusions, GraphNode> rule) {
    Fusions f = new Fusions(order, host, constants, output);
    for (GraphNode node : order) {
      if (node.op().equals(lastOp) && !host.contains(node.name())) {
        rule.accept(f, node);
      }
    }
    return f.rewritten(order);
  }

  private void fuseBiasAdd(GraphNode add) {
    for (int side = 0; side < 2; side++) {
      GraphNode product = byName.get(add.inputs().get(side));
      String biasName = add.inputs().get(1 - side);
      if (product == null || !onlyFeedsThePattern(product) || outputChannels(product) < 1) {
        continue;
      }
      if (channels(biasName) == outputChannels(product)) {
        List<String> inputs = new ArrayList<>(product.inputs());
        inputs.add(vector(biasName));
        replaced.put(
            add.name(),
            new GraphNode(add.name(), product.op() + BIAS_ADD, inputs, product.attributes()));
        absorbed.add(product.name());
        return;
      }
    }
  }

  /** Matches from the final {@code + β} up; see the class comment for the pattern. */
  private void fuseLayerNorm(GraphNode y) {
    GraphNode scaled = operand(y, "Mul");
    String beta = other(y, scaled);
    GraphNode centered = scaled == null ? null : operand(scaled, "Sub");
    GraphNode scale = centered == null ? null : byName.get(other(scaled, centered));
    GraphNode inv = scale == null || !scale.op().equals("Mul") ? null : operand(scale, "Rsqrt");
    String gamma = inv == null ? null : other(scale, inv);
    GraphNode withEps = inv == null ? null : producer(inv.inputs().get(0), "AddV2");
    GraphNode varianceShaped = withEps == null ? null : operand(withEps, "Reshape");
    String eps = varianceShaped == null ? null : other(withEps, varianceShaped);
    GraphNode clamped = varianceShaped == null ? null : producer(arg(varianceShaped, 0), "Maximum");
    GraphNode variance = clamped == null ? null : operand(clamped, "Sub");
    String zero = variance == null ? null : other(clamped, variance);
    if (variance == null || !isScalar(eps) || !isScalar(zero) || constants.get(zero).get(0) != 0) {
      return;
    }
    String x = arg(centered, 0);
    GraphNode meanShaped = producer(arg(centered, 1), "Reshape");
    GraphNode mean = meanShaped == null ? null : producer(arg(meanShaped, 0), "Mul");
    GraphNode meanOfSquares = producer(arg(variance, 0), "Mul");
    GraphNode meanSquared = producer(arg(variance, 1), "Square");
    if (mean == null
        || meanOfSquares == null
        || meanSquared == null
        || !arg(meanSquared, 0).equals(mean.name())) {
      return;
    }
    GraphNode sum = operand(mean, "Sum");
    GraphNode sumOfSquares = operand(meanOfSquares, "Sum");
    GraphNode squares = sumOfSquares == null ? null : producer(arg(sumOfSquares, 0), "Square");
    if (sum == null
        || squares == null
        || !arg(sum, 0).equals(x)
        || !arg(squares, 0).equals(x)
        || !lastAxis(arg(sum, 1))
        || !constants.get(arg(sum, 1)).equals(constants.get(arg(sumOfSquares, 1)))
        || sum.boolAttribute("keep_dims", false)
            != sumOfSquares.boolAttribute("keep_dims", false)) {
      return;
    }
    long width = channels(gamma);
    if (width < 1
        || channels(beta) != width
        || !isReciprocal(other(mean, sum), width)
        || !isReciprocal(other(meanOfSquares, sumOfSquares), width)) {
      return;
    }
    List<GraphNode> inner =
        List.of(
            scaled,
            centered,
            scale,
            inv,
            withEps,
            varianceShaped,
            clamped,
            variance,
            meanShaped,
            meanOfSquares,
            meanSquared,
            sum,
            sumOfSquares,
            squares);
    if (!inner.stream().allMatch(this::onlyFeedsThePattern)
        || consumers.get(mean.name()) != 2
        || mean.name().equals(output)) {
      return;
    }
    replaced.put(
        y.name(),
        new GraphNode(
            y.name(),
            LAYER_NORM,
            List.of(x, vector(gamma), vector(beta), eps, arg(sum, 1)),
            Map.of()));
    inner.forEach(n -> absorbed.add(n.name()));
    absorbed.add(mean.name());
  }

  /** Matches from the final product 0.5·x · (1 + tanh(…)) up. */
  private void fuseGelu(GraphNode y) {
    GraphNode onePlusTanh = operand(y, "AddV2");
    GraphNode half = onePlusTanh == null ? null : byName.get(other(y, onePlusTanh));
    GraphNode tanh = onePlusTanh == null ? null : operand(onePlusTanh, "Tanh");
    if (half == null
        || !half.op().equals("Mul")
        || tanh == null
        || !isScalar(other(onePlusTanh, tanh), 1f)) {
      return;
    }
    String x = otherThanConstant(half, 0.5f);
    GraphNode scaledArg = producer(arg(tanh, 0), "Mul");
    String root = scaledArg == null ? null : constantOperand(scaledArg);
    GraphNode argument = scaledArg == null ? null : operand(scaledArg, "AddV2");
    GraphNode cubicTerm = argument == null ? null : operand(argument, "Mul");
    if (x == null
        || root == null
        || Math.abs(constants.get(root).get(0) - Math.sqrt(2 / Math.PI)) > 1e-6
        || cubicTerm == null
        || !x.equals(other(argument, cubicTerm))) {
      return;
    }
    GraphNode cubicX = operand(cubicTerm, "Mul");
    GraphNode squares = operand(cubicTerm, "Square");
    String cubic = cubicX == null ? null : constantOperand(cubicX);
    if (squares == null
        || cubic == null
        || Math.abs(constants.get(cubic).get(0) - 0.044715) > 1e-6
        || !arg(squares, 0).equals(x)
        || !x.equals(arg(cubicX, 0).equals(cubic) ? arg(cubicX, 1) : arg(cubicX, 0))) {
      return;
    }
    List<GraphNode> inner =
        List.of(onePlusTanh, half, tanh, scaledArg, argument, cubicTerm, cubicX, squares);
    if (!inner.stream().allMatch(this::onlyFeedsThePattern)) {
      return;
    }
    replaced.put(y.name(), new GraphNode(y.name(), GELU, List.of(x, cubic, root), Map.of()));
    inner.forEach(n -> absorbed.add(n.name()));
  }

  /** Matches SelectV2(GreaterEqual(x, 0), x, Mul(α, x)), α a scalar constant. */
  private void fuseLeakyRelu(GraphNode select) {
    if (select.inputs().size() != 3) {
      return;
    }
    String x = arg(select, 1);
    GraphNode test = producer(arg(select, 0), "GreaterEqual");
    GraphNode scaled = producer(arg(select, 2), "Mul");
    String slope = scaled == null ? null : constantOperand(scaled);
    if (test == null
        || !arg(test, 0).equals(x)
        || !isScalar(arg(test, 1), 0f)
        || slope == null
        || !x.equals(otherThanConstant(scaled, (float) constants.get(slope).get(0)))
        || !onlyFeedsThePattern(test)
        || !onlyFeedsThePattern(scaled)) {
      return;
    }
    replaced.put(
        select.name(), new GraphNode(select.name(), LEAKY_RELU, List.of(x, slope), Map.of()));
    absorbed.add(test.name());
    absorbed.add(scaled.name());
  }

  /** The input of a two-input node that is not the scalar constant {@code value}, or null. */
  private String otherThanConstant(GraphNode node, float value) {
    if (node.inputs().size() != 2) {
      return null;
    }
    for (int side = 0; side < 2; side++) {
      if (isScalar(arg(node, side), value)) {
        return arg(node, 1 - side);
      }
    }
    return null;
  }

  /** The scalar constant input of a two-input node, or null. */
  private String constantOperand(GraphNode node) {
    if (node.inputs().size() != 2) {
      return null;
    }
    return isScalar(arg(node, 0)) ? arg(node, 0) : isScalar(arg(node, 1)) ? arg(node, 1) : null;
  }

  private boolean isScalar(String name, float value) {
    return isScalar(name) && (float) constants.get(name).get(0) == value;
  }

  private List<GraphNode> rewritten(List<GraphNode> order) {
    List<GraphNode> fused = new ArrayList<>();
    for (GraphNode node : order) {
      if (!absorbed.contains(node.name())) {
        fused.add(replaced.getOrDefault(node.name(), node));
      }
    }
    return fused;
  }

  private boolean onlyFeedsThePattern(GraphNode node) {
    return !node.name().equals(output)
        && !host.contains(node.name())
        && !absorbed.contains(node.name())
        && consumers.getOrDefault(node.name(), 0) == 1;
  }

  private static String arg(GraphNode node, int index) {
    return node.inputs().get(index);
  }

  /** The input of a two-input node produced by an {@code op} node, or null. */
  private GraphNode operand(GraphNode node, String op) {
    if (node.inputs().size() != 2) {
      return null;
    }
    for (String in : node.inputs()) {
      GraphNode producer = producer(in, op);
      if (producer != null) {
        return producer;
      }
    }
    return null;
  }

  private GraphNode producer(String name, String op) {
    GraphNode node = byName.get(name);
    return node != null && node.op().equals(op) && !host.contains(name) ? node : null;
  }

  /** The other input of a two-input node, or null. */
  private static String other(GraphNode node, GraphNode one) {
    if (one == null || node.inputs().size() != 2) {
      return null;
    }
    return arg(node, 0).equals(one.name()) ? arg(node, 1) : arg(node, 0);
  }

  private boolean isScalar(String name) {
    HostTensor t = name == null ? null : constants.get(name);
    return t != null && t.type() == HostTensor.Type.FLOAT && t.size() == 1;
  }

  private boolean isReciprocal(String name, long n) {
    return isScalar(name) && (float) constants.get(name).get(0) == 1f / n;
  }

  /** Summing over the last axis only: −1, or 3 (checked against the input's rank when run). */
  private boolean lastAxis(String axes) {
    HostTensor t = constants.get(axes);
    return t != null && t.size() == 1 && (t.intAt(0) == -1 || t.intAt(0) == 3);
  }

  /** C for a float constant shaped (C) or (1, …, 1, C), rank at most 4; else -1. */
  private long channels(String name) {
    HostTensor t = name == null ? null : constants.get(name);
    if (t == null || t.type() != HostTensor.Type.FLOAT || t.rank() < 1 || t.rank() > 4) {
      return -1;
    }
    for (int d = 0; d < t.rank() - 1; d++) {
      if (t.dim(d) != 1) {
        return -1;
      }
    }
    return t.dim(t.rank() - 1);
  }

  /** A per-channel constant as a C vector, registered in the plan once, by its new name. */
  private String vector(String name) {
    String vector = name + "/vector";
    if (!constants.containsKey(vector)) {
      constants.put(vector, constants.get(name).reshape(channels(name)));
      host.add(vector);
    }
    return vector;
  }

  /** The channels a product writes, from its constant weights; -2 where not a fusable product. */
  private long outputChannels(GraphNode product) {
    HostTensor weights = product.inputs().size() == 2 ? constants.get(arg(product, 1)) : null;
    if (weights == null) {
      return -2;
    }
    return switch (product.op()) {
      case "Conv2D" -> weights.rank() == 4 ? weights.dim(3) : -2;
      case "Einsum" ->
          product.stringAttribute("equation", "").equals("abcg,gf->abcf") && weights.rank() == 2
              ? weights.dim(1)
              : -2;
      default -> -2;
    };
  }
}
