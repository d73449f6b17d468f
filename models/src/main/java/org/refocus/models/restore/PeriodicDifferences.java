package org.refocus.models.restore;

/**
 * Forward differences of a plane the Fourier-domain solvers treat as periodic: the last column's
 * horizontal difference and the last row's vertical one wrap around, as the transforms see them.
 */
final class PeriodicDifferences {

  private PeriodicDifferences() {}

  /** x's horizontal forward differences into dx, its vertical ones into dy. */
  static void of(double[] x, int width, int height, double[] dx, double[] dy) {
    for (int row = 0; row < height; row++) {
      int at = row * width;
      int below = ((row + 1) % height) * width;
      for (int col = 0; col < width; col++) {
        int i = at + col;
        dx[i] = x[col + 1 < width ? i + 1 : at] - x[i];
        dy[i] = x[below + col] - x[i];
      }
    }
  }
}
