package org.refocus.models.graph;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.refocus.models.tfjs.GraphNode;

class FusionsTest {

  private final Map<String, HostTensor> constants = new HashMap<>();
  private final Set<String> host = new HashSet<>();

  private void constant(String name, long... shape) {
    constants.put(name, HostTensor.floats(shape, new float[(int) HostTensor.size(shape)]));
    host.add(name);
  }

  private static GraphNode node(String name, String op, String... inputs) {
    return new GraphNode(name, op, List.of(inputs), Map.of());
  }

  private static GraphNode einsum(String name, String equation, String... inputs) {
    JsonNode attribute =
        JsonNodeFactory.instance
            .objectNode()
            .put(
                "s", Base64.getEncoder().encodeToString(equation.getBytes(StandardCharsets.UTF_8)));
    return new GraphNode(name, "Einsum", List.of(inputs), Map.of("equation", attribute));
  }

  @Test
  void aProductAndTheBiasAddAfterItBecomeOneNodeWithTheBiasAsAVector() {
    constant("filter", 3, 3, 4, 8);
    constant("bias", 1, 1, 1, 8);
    constant("w", 8, 5);
    constant("b", 5);
    List<GraphNode> order =
        List.of(
            node("x", "Placeholder"),
            node("conv", "Conv2D", "x", "filter"),
            node("add", "AddV2", "bias", "conv"),
            einsum("dense", "abcg,gf->abcf", "add", "w"),
            node("out", "AddV2", "dense", "b"));

    List<GraphNode> fused = Fusions.biasAdds(order, host, constants, "out");

    assertThat(fused)
        .extracting(GraphNode::op)
        .containsExactly("Placeholder", "Conv2D+BiasAdd", "Einsum+BiasAdd");
    assertThat(fused.get(1).name()).isEqualTo("add");
    assertThat(fused.get(1).inputs()).containsExactly("x", "filter", "bias/vector");
    assertThat(constants.get("bias/vector").shape()).containsExactly(8);
    assertThat(host).contains("bias/vector", "b/vector");
    assertThat(fused.get(2).name()).isEqualTo("out");
  }

  @Test
  void leavesAloneWhatIsNotAPerChannelBiasOnAProductWithOneConsumer() {
    constant("filter", 1, 1, 4, 8);
    constant("wrongWidth", 1, 1, 1, 7);
    constant("perPixel", 1, 6, 6, 8);
    constant("w", 8, 5);
    constant("b", 5);
    List<GraphNode> order =
        List.of(
            node("x", "Placeholder"),
            node("conv", "Conv2D", "x", "filter"),
            node("a", "AddV2", "conv", "wrongWidth"),
            node("conv2", "Conv2D", "x", "filter"),
            node("b2", "AddV2", "conv2", "perPixel"),
            node("conv3", "Conv2D", "x", "filter"),
            node("twice", "AddV2", "conv3", "conv3"),
            einsum("other", "abgd,gf->abdf", "x", "w"),
            node("c", "AddV2", "other", "b"));

    assertThat(Fusions.biasAdds(order, host, constants, "c")).isEqualTo(order);
  }

  /** Flax's layer norm over 8 channels as the converter writes it, reading x. */
  private List<GraphNode> layerNorm(String... extraConsumersOfMean) {
    // the converter gives each Sum its own copy of the axes
    constants.put("axes", HostTensor.ints(new long[] {1}, -1));
    constants.put("axes2", HostTensor.ints(new long[] {1}, -1));
    constants.put("recip", HostTensor.scalar(1f / 8));
    constants.put("recip2", HostTensor.scalar(1f / 8));
    constants.put("zero", HostTensor.scalar(0f));
    constants.put("eps", HostTensor.scalar(1e-6f));
    host.addAll(List.of("axes", "axes2", "recip", "recip2", "zero", "eps", "shape"));
    constant("gamma", 1, 1, 1, 8);
    constant("beta", 1, 1, 1, 8);
    List<GraphNode> nodes =
        new ArrayList<>(
            List.of(
                node("x", "Placeholder"),
                node("squares", "Square", "x"),
                node("sum", "Sum", "x", "axes"),
                node("sumSq", "Sum", "squares", "axes2"),
                node("mean", "Mul", "sum", "recip"),
                node("meanSq", "Mul", "sumSq", "recip2"),
                node("meanSquared", "Square", "mean"),
                node("var0", "Sub", "meanSq", "meanSquared"),
                node("var", "Maximum", "zero", "var0"),
                node("meanR", "Reshape", "mean", "shape"),
                node("varR", "Reshape", "var", "shape"),
                node("centered", "Sub", "x", "meanR"),
                node("withEps", "AddV2", "varR", "eps"),
                node("inv", "Rsqrt", "withEps"),
                node("scale", "Mul", "inv", "gamma"),
                node("scaled", "Mul", "centered", "scale"),
                node("y", "AddV2", "scaled", "beta")));
    for (String c : extraConsumersOfMean) {
      nodes.add(node(c, "Neg", "mean"));
    }
    return nodes;
  }

  @Test
  void aLayerNormWrittenOutInSixteenNodesBecomesOne() {
    List<GraphNode> fused = Fusions.layerNorms(layerNorm(), host, constants, "y");

    assertThat(fused).extracting(GraphNode::op).containsExactly("Placeholder", "LayerNorm");
    assertThat(fused.get(1).name()).isEqualTo("y");
    assertThat(fused.get(1).inputs())
        .containsExactly("x", "gamma/vector", "beta/vector", "eps", "axes");
  }

  @Test
  void aLayerNormWhoseMeanIsReadElsewhereStaysAsItIs() {
    List<GraphNode> order = layerNorm("alsoReadsTheMean");

    assertThat(Fusions.layerNorms(order, host, constants, "y")).isEqualTo(order);
  }

  @Test
  void aTanhGeluWrittenOutInNineNodesBecomesOne() {
    constants.put("a half", HostTensor.scalar(0.5f));
    constants.put("one", HostTensor.scalar(1f));
    constants.put("cubic", HostTensor.scalar(0.044715f));
    constants.put("root", HostTensor.scalar((float) Math.sqrt(2 / Math.PI)));
    host.addAll(List.of("a half", "one", "cubic", "root"));
    List<GraphNode> order =
        List.of(
            node("x", "Placeholder"),
            node("half", "Mul", "a half", "x"),
            node("cx", "Mul", "cubic", "x"),
            node("squares", "Square", "x"),
            node("cubicTerm", "Mul", "cx", "squares"),
            node("argument", "AddV2", "x", "cubicTerm"),
            node("scaled", "Mul", "root", "argument"),
            node("tanh", "Tanh", "scaled"),
            node("onePlus", "AddV2", "one", "tanh"),
            node("y", "Mul", "half", "onePlus"));

    List<GraphNode> fused = Fusions.gelus(order, host, constants, "y");

    assertThat(fused).extracting(GraphNode::op).containsExactly("Placeholder", "Gelu");
    assertThat(fused.get(1).inputs()).containsExactly("x", "cubic", "root");
  }

  /** JAX's leaky ReLU as converted, comparing x with {@code threshold}. */
  private List<GraphNode> leakyRelu(String threshold, GraphNode... after) {
    constants.put("zero", HostTensor.scalar(0f));
    constants.put("half", HostTensor.scalar(0.5f));
    constants.put("slope", HostTensor.scalar(0.2f));
    host.addAll(List.of("zero", "half", "slope"));
    List<GraphNode> order =
        new ArrayList<>(
            List.of(
                node("x", "Placeholder"),
                node("test", "GreaterEqual", "x", threshold),
                node("scaled", "Mul", "slope", "x"),
                node("y", "SelectV2", "test", "x", "scaled")));
    order.addAll(List.of(after));
    return List.copyOf(order);
  }

  @Test
  void aLeakyReluWrittenAsASelectBecomesOneNode() {
    List<GraphNode> fused = Fusions.leakyRelus(leakyRelu("zero"), host, constants, "y");

    assertThat(fused).extracting(GraphNode::op).containsExactly("Placeholder", "FusedLeakyRelu");
    assertThat(fused.get(1).inputs()).containsExactly("x", "slope");
  }

  @Test
  void aSelectThatIsNotALeakyReluStaysAsItIs() {
    List<GraphNode> thresholdNotZero = leakyRelu("half");
    List<GraphNode> productReadElsewhere = leakyRelu("zero", node("z", "AddV2", "y", "scaled"));

    assertThat(Fusions.leakyRelus(thresholdNotZero, host, constants, "y"))
        .isEqualTo(thresholdNotZero);
    assertThat(Fusions.leakyRelus(productReadElsewhere, host, constants, "z"))
        .isEqualTo(productReadElsewhere);
  }

  @Test
  void onlyTheReshapesAConcatenationReadsCopy() {
    constants.put("shape", HostTensor.scalar(1f));
    constants.put("axis", HostTensor.scalar(1f));
    host.addAll(List.of("shape", "axis"));
    List<GraphNode> order =
        List.of(
            node("x", "Placeholder"),
            node("joined", "Reshape", "x", "shape"),
            node("alone", "Reshape", "x", "shape"),
            node("y", "ConcatV2", "joined", "x", "axis"));

    List<GraphNode> rewritten = Fusions.copiedBeforeConcat(order, host);

    assertThat(rewritten)
        .extracting(GraphNode::op)
        .containsExactly("Placeholder", "Reshape+Copy", "Reshape", "ConcatV2");
    assertThat(rewritten.get(1).inputs()).containsExactly("x", "shape");
  }
}
