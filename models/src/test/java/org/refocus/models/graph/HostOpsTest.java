package org.refocus.models.graph;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

/** Host ops against results TensorFlow documents or that follow from its definitions by hand. */
class HostOpsTest {

  /** tf.strided_slice's documentation tensor: shape 3×2×3, rows 1…6. */
  private static final HostTensor T =
      HostTensor.ints(new long[] {3, 2, 3}, 1, 1, 1, 2, 2, 2, 3, 3, 3, 4, 4, 4, 5, 5, 5, 6, 6, 6);

  private static HostTensor slice(
      int[] b,
      int[] e,
      int[] s,
      long beginMask,
      long endMask,
      long ellipsis,
      long newAxis,
      long shrink) {
    return StridedSlice.plan(T.shape(), b, e, s, beginMask, endMask, ellipsis, newAxis, shrink)
        .apply(T);
  }

  @Test
  void stridedSliceReproducesTheDocumentedExamples() {
    assertThat(slice(new int[] {1, 0, 0}, new int[] {2, 1, 3}, new int[] {1, 1, 1}, 0, 0, 0, 0, 0))
        .isEqualTo(HostTensor.ints(new long[] {1, 1, 3}, 3, 3, 3));
    assertThat(slice(new int[] {1, 0, 0}, new int[] {2, 2, 3}, new int[] {1, 1, 1}, 0, 0, 0, 0, 0))
        .isEqualTo(HostTensor.ints(new long[] {1, 2, 3}, 3, 3, 3, 4, 4, 4));
    assertThat(
            slice(new int[] {1, -1, 0}, new int[] {2, -3, 3}, new int[] {1, -1, 1}, 0, 0, 0, 0, 0))
        .isEqualTo(HostTensor.ints(new long[] {1, 2, 3}, 4, 4, 4, 3, 3, 3));
  }

  @Test
  void stridedSliceMasks() {
    // t[1] with shrink_axis_mask: the first axis disappears
    assertThat(slice(new int[] {1}, new int[] {2}, new int[] {1}, 0, 0, 0, 0, 1))
        .isEqualTo(HostTensor.ints(new long[] {2, 3}, 3, 3, 3, 4, 4, 4));
    // t[:2, ::-1] via begin/end masks and a negative stride
    assertThat(slice(new int[] {0, 0}, new int[] {2, 0}, new int[] {1, -1}, 2, 2, 0, 0, 0))
        .isEqualTo(HostTensor.ints(new long[] {2, 2, 3}, 2, 2, 2, 1, 1, 1, 4, 4, 4, 3, 3, 3));
    // t[..., newaxis, 1]: ellipsis, a new axis, then a shrunk index on the last dimension
    assertThat(slice(new int[] {0, 0, 1}, new int[] {0, 0, 2}, new int[] {1, 1, 1}, 0, 0, 1, 2, 4))
        .isEqualTo(HostTensor.ints(new long[] {3, 2, 1}, 1, 2, 3, 4, 5, 6));
    // the shape-arithmetic form in MAXIM: shape[0] as a scalar
    HostTensor shape = HostOps.shapeOf(new long[] {1, 340, 340, 3});
    assertThat(
            StridedSlice.plan(
                    shape.shape(), new int[] {0}, new int[] {1}, new int[] {1}, 0, 0, 0, 0, 1)
                .apply(shape))
        .isEqualTo(HostTensor.scalar(1));
  }

  @Test
  void integerDivisionFloorsTowardMinusInfinityAsTensorFlowDoes() {
    HostTensor a = HostTensor.vector(-7, 7, -7, 7);
    HostTensor b = HostTensor.vector(2, 2, -2, -2);
    assertThat(HostOps.floorDiv(a, b)).isEqualTo(HostTensor.vector(-4, 3, 3, -4));
    assertThat(HostOps.floorMod(a, b)).isEqualTo(HostTensor.vector(1, 1, -1, -1));
    HostTensor fa = HostTensor.floats(new long[] {2}, -7.5f, 7.5f);
    HostTensor fb = HostTensor.floats(new long[] {2}, 2f, -2f);
    assertThat(HostOps.floorMod(fa, fb)).isEqualTo(HostTensor.floats(new long[] {2}, 0.5f, -0.5f));
  }

  @Test
  void broadcastingComparisonsAndSelect() {
    HostTensor column = HostTensor.ints(new long[] {3, 1}, 0, 1, 2);
    HostTensor row = HostTensor.vector(0, 1, 2, 3);
    HostTensor lower = HostOps.compare(row, column, (x, y) -> x <= y ? 1 : 0);
    assertThat(lower.shape()).containsExactly(3, 4);
    HostTensor picked =
        HostOps.select(lower, HostTensor.scalar(1f), HostTensor.floats(new long[] {4}, 9, 8, 7, 6));
    assertThat(picked.toFloats()).containsExactly(1, 8, 7, 6, 1, 1, 7, 6, 1, 1, 1, 6);
    assertThatThrownBy(() -> HostOps.binary(row, HostTensor.vector(1, 2), Double::sum))
        .hasMessageContaining("do not broadcast");
  }

  @Test
  void shapeOps() {
    HostTensor x = HostTensor.ints(new long[] {2, 3}, 1, 2, 3, 4, 5, 6);
    assertThat(HostOps.transpose(x, new int[] {1, 0}))
        .isEqualTo(HostTensor.ints(new long[] {3, 2}, 1, 4, 2, 5, 3, 6));
    assertThat(HostOps.reshapeTarget(6, HostTensor.vector(-1, 2))).containsExactly(3, 2);
    assertThat(HostOps.pack(List.of(HostTensor.scalar(4), HostTensor.scalar(5)), 0))
        .isEqualTo(HostTensor.vector(4, 5));
    assertThat(HostOps.pack(List.of(HostTensor.vector(1, 2), HostTensor.vector(3, 4)), 1))
        .isEqualTo(HostTensor.ints(new long[] {2, 2}, 1, 3, 2, 4));
    assertThat(HostOps.concat(List.of(x, HostTensor.ints(new long[] {2, 1}, 7, 8)), -1))
        .isEqualTo(HostTensor.ints(new long[] {2, 4}, 1, 2, 3, 7, 4, 5, 6, 8));
    assertThat(HostOps.gather(x, HostTensor.vector(2, 0), 1))
        .isEqualTo(HostTensor.ints(new long[] {2, 2}, 3, 1, 6, 4));
    assertThat(HostOps.range(0, 5, 2, HostTensor.Type.INT)).isEqualTo(HostTensor.vector(0, 2, 4));
    assertThat(HostOps.sum(x, new int[] {-1}, false)).isEqualTo(HostTensor.vector(6, 15));
    assertThat(HostOps.sum(x, new int[] {0}, true))
        .isEqualTo(HostTensor.ints(new long[] {1, 3}, 5, 7, 9));
    assertThat(HostOps.expandDims(x, -1).shape()).containsExactly(2, 3, 1);
    assertThat(HostOps.squeeze(HostTensor.ints(new long[] {1, 3, 1}, 1, 2, 3), List.of()).shape())
        .containsExactly(3);
    assertThat(HostOps.broadcastTo(HostTensor.vector(1, 2), new long[] {2, 2}))
        .isEqualTo(HostTensor.ints(new long[] {2, 2}, 1, 2, 1, 2));
  }
}
