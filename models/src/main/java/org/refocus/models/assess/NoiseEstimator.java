package org.refocus.models.assess;

import java.util.Arrays;

/**
 * Estimate of additive white Gaussian noise σ after Immerkær ("Fast noise variance estimation",
 * CVIU 64(2), 1996): the image convolved with the difference of two Laplacians, which cancels
 * smooth content, averaged in absolute value and scaled by √(π/2)/6.
 *
 * <p>Texture and edges answer that mask too and would be taken for noise, so the average is taken
 * per 16×16 block and only the smoothest fifth of the blocks is used. Choosing the smoothest blocks
 * biases a pure-noise estimate low; {@link #LOW_BLOCKS_BIAS} undoes that. It was measured on flat
 * fields with known noise (eight 512×512 fields at σ = 10 levels) and is a property of the block
 * size and share, not of any image.
 */
final class NoiseEstimator {

  static final int BLOCK = 16;
  static final double SMOOTHEST_SHARE = 0.2;
  static final double LOW_BLOCKS_BIAS = 1.129;

  private NoiseEstimator() {}

  /** σ on the plane's scale (0..1 for luma). */
  static double sigma(GrayPlane plane) {
    int w = plane.width();
    int h = plane.height();
    if (w < 3 || h < 3) {
      return 0;
    }
    int blocksX = (w - 2) / BLOCK;
    int blocksY = (h - 2) / BLOCK;
    if (blocksX * blocksY < 1 / SMOOTHEST_SHARE) {
      return Math.sqrt(Math.PI / 2) * meanAbsoluteResponse(plane, 1, 1, w - 2, h - 2) / 6;
    }
    double[] blockMeans = new double[blocksX * blocksY];
    for (int by = 0; by < blocksY; by++) {
      for (int bx = 0; bx < blocksX; bx++) {
        blockMeans[by * blocksX + bx] =
            meanAbsoluteResponse(plane, 1 + bx * BLOCK, 1 + by * BLOCK, BLOCK, BLOCK);
      }
    }
    Arrays.sort(blockMeans);
    int used = (int) (SMOOTHEST_SHARE * blockMeans.length);
    double sum = 0;
    for (int i = 0; i < used; i++) {
      sum += blockMeans[i];
    }
    return LOW_BLOCKS_BIAS * Math.sqrt(Math.PI / 2) * (sum / used) / 6;
  }

  private static double meanAbsoluteResponse(GrayPlane p, int x0, int y0, int w, int h) {
    double sum = 0;
    for (int y = y0; y < y0 + h; y++) {
      for (int x = x0; x < x0 + w; x++) {
        sum += Math.abs(mask(p, x, y));
      }
    }
    return sum / ((double) w * h);
  }

  /** The 3×3 mask [1 −2 1; −2 4 −2; 1 −2 1] at (x, y). */
  static double mask(GrayPlane p, int x, int y) {
    return p.at(x - 1, y - 1)
        - 2 * p.at(x, y - 1)
        + p.at(x + 1, y - 1)
        - 2 * p.at(x - 1, y)
        + 4 * p.at(x, y)
        - 2 * p.at(x + 1, y)
        + p.at(x - 1, y + 1)
        - 2 * p.at(x, y + 1)
        + p.at(x + 1, y + 1);
  }
}
