package org.refocus.models.restore;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class KernelGridTest {

  private static KernelGrid grid(double[][] rows) {
    int side = rows.length;
    double[] w = new double[side * side];
    for (int y = 0; y < side; y++) {
      System.arraycopy(rows[y], 0, w, y * side, side);
    }
    return new KernelGrid(side, w);
  }

  @Test
  void cutDropsWhatLiesUnderTheFractionOfThePeakAndNegatives() {
    KernelGrid k = grid(new double[][] {{0.01, 0, -0.3}, {0, 1, 0.5}, {0.05, 0, 0}}).cutBelow(0.05);

    assertThat(k.at(-1, -1)).isZero();
    assertThat(k.at(1, -1)).isZero();
    assertThat(k.at(0, 0)).isCloseTo(1 / 1.55, within(1e-12));
    assertThat(k.at(1, 0)).isCloseTo(0.5 / 1.55, within(1e-12));
    assertThat(k.at(-1, 1)).isCloseTo(0.05 / 1.55, within(1e-12));
  }

  @Test
  void shareAtLeastCountsTheWeightAThresholdWouldKeep() {
    // peak 0.4, a fifth of it 0.08: 0.4 + 0.3 + 0.1 kept of 0.4 + 0.3 + 0.1 + 0.07 + 0.05
    KernelGrid k = grid(new double[][] {{0.4, 0.3, 0.1}, {0.07, 0.05, 0}, {0, 0, -0.2}});

    assertThat(k.shareAtLeast(0.2)).isCloseTo(0.8 / 0.92, within(1e-12));
    assertThat(k.shareAtLeast(0)).isCloseTo(1, within(1e-12));
    assertThat(k.shareAtLeast(1)).isCloseTo(0.4 / 0.92, within(1e-12));
    // no positive weight: nothing to keep, not NaN
    assertThat(grid(new double[][] {{0, 0, 0}, {0, -1, 0}, {0, 0, 0}}).shareAtLeast(0.2)).isZero();
  }

  @Test
  void cutOfAKernelWithNoPositiveWeightSaysSo() {
    KernelGrid k = grid(new double[][] {{0, 0, 0}, {0, -1, 0}, {0, 0, 0}});

    assertThatThrownBy(() -> k.cutBelow(0.05)).isInstanceOf(KernelGrid.NoBlurFound.class);
  }

  @Test
  void pruneRemovesSpecksApartFromTheStrokeAndKeepsTheStroke() {
    double[][] rows = new double[7][7];
    rows[3][1] = 0.3;
    rows[3][2] = 0.3;
    rows[4][3] = 0.32; // diagonal neighbours belong to the stroke
    rows[0][6] = 0.08; // a speck holding 8%
    KernelGrid k = grid(rows).pruned(0.1);

    assertThat(k.at(3, -3)).isZero();
    assertThat(k.at(-2, 0) + k.at(-1, 0) + k.at(0, 1)).isCloseTo(1, within(1e-12));
    assertThat(k.at(0, 1)).isCloseTo(0.32 / 0.92, within(1e-12));
  }

  @Test
  void centringMovesTheCentroidToTheCentreByWholePixels() {
    double[][] rows = new double[9][9];
    rows[1][5] = 0.5;
    rows[2][6] = 0.5; // centroid 1.5 right of the centre and 2.5 above it: halves round to even
    KernelGrid k = grid(rows).centred();

    assertThat(k.at(-1, -1)).isEqualTo(0.5);
    assertThat(k.at(0, 0)).isEqualTo(0.5);
    assertThat(k.margin()).isEqualTo(3);
  }

  @Test
  void marginIsTheSupportsLeastDistanceToAnEdge() {
    double[][] rows = new double[7][7];
    rows[3][3] = 1;
    assertThat(grid(rows).margin()).isEqualTo(3);
    rows[5][2] = 1;
    assertThat(grid(rows).margin()).isEqualTo(1);
  }

  @Test
  void resizedKeepsTheShapeAndSumsToOne() {
    KernelGrid small = KernelGrid.initial(5);
    KernelGrid large = small.resized(9);

    double sum = 0;
    for (double w : large.weights()) {
      assertThat(w).isNotNegative();
      sum += w;
    }
    assertThat(sum).isCloseTo(1, within(1e-12));
    // still a horizontal pair: nothing above or below the centre row's neighbours
    assertThat(large.at(0, -3)).isZero();
    assertThat(large.at(0, 3)).isZero();
  }
}
