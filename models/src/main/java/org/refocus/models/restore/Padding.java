package org.refocus.models.restore;

/**
 * Extends a plane for frequency-domain filtering: mirrored across each border, then faded towards
 * the plane's mean with a raised-cosine ramp, so the periodic extension the DFT assumes has no jump
 * at the seam.
 */
final class Padding {

  private Padding() {}

  static double[] mirrorAndTaper(
      double[] plane, int width, int height, int paddedW, int paddedH, int left, int top) {
    double mean = 0;
    for (double v : plane) {
      mean += v;
    }
    mean /= plane.length;
    double[] out = new double[paddedW * paddedH];
    int right = paddedW - width - left;
    int bottom = paddedH - height - top;
    for (int py = 0; py < paddedH; py++) {
      int sy = mirror(py - top, height);
      double wy = fade(py - top, height, top, bottom);
      for (int px = 0; px < paddedW; px++) {
        int sx = mirror(px - left, width);
        double wx = fade(px - left, width, left, right);
        double w = wx * wy;
        out[py * paddedW + px] = mean + w * (plane[sy * width + sx] - mean);
      }
    }
    return out;
  }

  /** Index reflected into 0..n−1 (edge pixel not repeated). */
  static int mirror(int i, int n) {
    if (n == 1) {
      return 0;
    }
    int period = 2 * (n - 1);
    int m = Math.floorMod(i, period);
    return m < n ? m : period - m;
  }

  /** 1 inside the plane, a raised cosine down to 0 across each margin. */
  private static double fade(int i, int n, int before, int after) {
    if (i < 0) {
      return ramp(-i, before);
    }
    if (i >= n) {
      return ramp(i - n + 1, after);
    }
    return 1;
  }

  private static double ramp(int distance, int margin) {
    if (margin <= 0) {
      return 1;
    }
    double t = Math.min(1.0, (double) distance / margin);
    return 0.5 + 0.5 * Math.cos(Math.PI * t);
  }
}
