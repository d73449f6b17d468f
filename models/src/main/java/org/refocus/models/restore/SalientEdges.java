package org.refocus.models.restore;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * Which latent gradients may enter the kernel's fit, after Cho and Lee ("Fast motion deblurring",
 * SIGGRAPH Asia 2009): only the strongest, and enough of them in every direction. A kernel is
 * determined along a direction only by edges across it; a bar that kept the top gradients of the
 * whole image could keep edges of one orientation alone and leave the kernel free along them.
 */
final class SalientEdges {

  /** Gradients kept per kernel pixel in each quarter of directions. */
  static final int PER_KERNEL_PIXEL = 20;

  private SalientEdges() {}

  /**
   * The squared gradient length that keeps at least {@link #PER_KERNEL_PIXEL}·side forward
   * differences (periodic, as the solvers see the plane) in each quarter of directions of the
   * plane: the least of the four quarters' bars.
   */
  static double firstBar(double[] plane, int width, int height, int side) {
    List<List<Double>> quarters = new ArrayList<>();
    for (int q = 0; q < 4; q++) {
      quarters.add(new ArrayList<>());
    }
    double[] dx = new double[width * height];
    double[] dy = new double[width * height];
    PeriodicDifferences.of(plane, width, height, dx, dy);
    for (int i = 0; i < dx.length; i++) {
      double h = dx[i];
      double v = dy[i];
      // the slope's angle in −90°..90°, the sign of the pair not counting
      double angle = h == 0 ? 0 : Math.atan(v / h);
      quarters.get(quarter(angle)).add(h * h + v * v);
    }
    int need = Math.max(PER_KERNEL_PIXEL * side, 10);
    double bar = Double.POSITIVE_INFINITY;
    for (List<Double> magnitudes : quarters) {
      if (magnitudes.isEmpty()) {
        bar = Math.min(bar, 0);
        continue;
      }
      magnitudes.sort(Collections.reverseOrder());
      bar = Math.min(bar, magnitudes.get(Math.min(need, magnitudes.size() - 1)));
    }
    return bar;
  }

  /** 0: 0°..45°, 1: 45°..90°, 2: −45°..0°, 3: −90°..−45°. */
  private static int quarter(double angle) {
    if (angle >= 0) {
      return angle < Math.PI / 4 ? 0 : 1;
    }
    return angle >= -Math.PI / 4 ? 2 : 3;
  }
}
