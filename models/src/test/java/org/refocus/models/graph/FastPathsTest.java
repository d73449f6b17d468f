package org.refocus.models.graph;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDArrays;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Each fast path against the plain DJL call it replaces. */
class FastPathsTest {

  private NDManager manager;
  private NDArray x;

  @BeforeEach
  void setUp() {
    manager = NDManager.newBaseManager();
    manager.getEngine().setRandomSeed(11);
    x = manager.randomNormal(new Shape(2, 6, 5, 7));
  }

  @AfterEach
  void tearDown() {
    manager.close();
  }

  @Test
  void transposeAndConcatAreTheSameBitForBit() {
    int[] perm = {0, 3, 1, 2};
    assertThat(FastPaths.transpose(x, perm).toFloatArray())
        .containsExactly(x.transpose(perm).toFloatArray());
    assertThat(FastPaths.transpose(x, perm).getShape()).isEqualTo(new Shape(2, 7, 6, 5));

    NDArray y = manager.randomNormal(new Shape(2, 6, 5, 3));
    NDArray fast = FastPaths.concat(new NDList(x, y), 3);
    assertThat(fast.getShape()).isEqualTo(new Shape(2, 6, 5, 10));
    assertThat(fast.toFloatArray())
        .containsExactly(NDArrays.concat(new NDList(x, y), 3).toFloatArray());
  }

  @Test
  void transposesOfMoreThanFourAxesAreTheSameBitForBit() {
    NDArray six = manager.randomNormal(new Shape(1, 3, 2, 4, 2, 5));
    int[][] perms = {
      {0, 1, 3, 2, 4, 5}, {0, 2, 4, 1, 3, 5}, {5, 4, 3, 2, 1, 0}, {1, 2, 0, 3, 4, 5}
    };
    for (int[] perm : perms) {
      NDArray fast = FastPaths.transpose(six, perm);
      NDArray plain = six.transpose(perm);
      assertThat(fast.getShape()).as("%s", perm).isEqualTo(plain.getShape());
      assertThat(fast.toFloatArray()).as("%s", perm).containsExactly(plain.toFloatArray());
    }
    assertThat(FastPaths.mergedRuns(new int[] {0, 1, 3, 2, 4, 5})).containsExactly(0, 2, 3, 4);
  }

  @Test
  void aReshapeIsTheSameValuesAndOutlivesItsSource() {
    NDArray source = x.mul(1f);
    float[] values = source.toFloatArray();
    NDArray view = FastPaths.reshape(source, new Shape(12, 35));
    source.close();
    assertThat(view.getShape()).isEqualTo(new Shape(12, 35));
    assertThat(view.toFloatArray()).containsExactly(values);
    assertThat(FastPaths.reshape(view, new Shape(2, 6, 5, 7)).toFloatArray())
        .containsExactly(values);
    assertThatThrownBy(() -> FastPaths.reshape(view, new Shape(5, 5)))
        .hasMessageContaining("(12, 35)");
  }

  @Test
  void sumsOverEveryRunOfAxesAgreeWithTheReduction() {
    int[][] axes = {{3}, {-1}, {1, 2}, {0}, {0, 1}, {2, 1}, {1, 3}, {0, 1, 2, 3}, {2}};
    for (int[] a : axes) {
      for (boolean keep : new boolean[] {true, false}) {
        NDArray fast = FastPaths.sum(x, a, keep);
        NDArray plain = x.sum(a, keep);
        assertThat(fast.getShape()).as("axes %s keep %s", a, keep).isEqualTo(plain.getShape());
        float[] f = fast.toFloatArray();
        float[] p = plain.toFloatArray();
        // the two sum in different orders (and MXNet's threads in an order of their own): float
        // rounding may differ by a few ulps of the terms' total magnitude, no more
        float[] magnitude = x.abs().sum(a, keep).toFloatArray();
        for (int i = 0; i < p.length; i++) {
          assertThat(f[i])
              .as("axes %s keep %s", a, keep)
              .isCloseTo(p[i], within(1e-6f * magnitude[i] + 1e-7f));
        }
      }
    }
  }

  @Test
  void aMatrixProductOnTheLastAxisWithBiasIsTheBatchedProductPlusBias() {
    NDArray w = manager.randomNormal(new Shape(7, 4));
    NDArray bias = manager.randomNormal(new Shape(4));
    NDArray fast = FastPaths.matMulLastAxis(x, w, bias);
    NDArray plain = x.matMul(w).add(bias);
    assertThat(fast.getShape()).isEqualTo(new Shape(2, 6, 5, 4));
    float[] f = fast.toFloatArray();
    float[] p = plain.toFloatArray();
    for (int i = 0; i < p.length; i++) {
      assertThat(f[i]).isCloseTo(p[i], within(1e-5f));
    }
  }

  @Test
  void layerNormIsTheConvertedGraphsFormulaToFloatRounding() {
    NDArray shifted = x.add(3f); // a mean well away from 0, where the formulas differ most
    NDArray gamma = manager.randomNormal(new Shape(7));
    NDArray beta = manager.randomNormal(new Shape(7));
    float eps = 1e-6f;

    NDArray mean = shifted.sum(new int[] {3}, true).mul(1f / 7);
    NDArray meanOfSquares = shifted.square().sum(new int[] {3}, true).mul(1f / 7);
    NDArray variance = meanOfSquares.sub(mean.square()).maximum(0f);
    NDArray inverse = variance.add(eps).sqrt().pow(-1f);
    NDArray graph = shifted.sub(mean).mul(inverse.mul(gamma)).add(beta);

    NDArray fused = FastPaths.layerNorm(shifted, gamma, beta, eps, 3);

    assertThat(fused.getShape()).isEqualTo(shifted.getShape());
    float[] f = fused.toFloatArray();
    float[] g = graph.toFloatArray();
    for (int i = 0; i < g.length; i++) {
      assertThat(f[i]).isCloseTo(g[i], within(2e-5f * (1 + Math.abs(g[i]))));
    }
  }

  @Test
  void geluIsTheGraphsTanhFormToFloatRounding() {
    NDArray wide = x.mul(3f); // out to where 1 + tanh cancels
    float cubic = 0.044715f;
    float root = (float) Math.sqrt(2 / Math.PI);
    NDArray graph =
        wide.mul(0.5f).mul(wide.add(wide.mul(cubic).mul(wide.square())).mul(root).tanh().add(1f));

    float[] before = wide.toFloatArray();
    float[] f = FastPaths.gelu(wide, cubic, root).toFloatArray();
    assertThat(wide.toFloatArray()).as("its input untouched").containsExactly(before);
    float[] g = graph.toFloatArray();
    for (int i = 0; i < g.length; i++) {
      assertThat(f[i]).isCloseTo(g[i], within(1e-6f * (1 + Math.abs(g[i]))));
    }
  }
}
