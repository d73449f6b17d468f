package org.refocus.models.assess;

import java.util.Arrays;

/**
 * The trace an enlargement by an integer factor leaves. Interpolated pixels sit at a repeating set
 * of sub-pixel offsets from the original samples, so the energy of the steps between neighbours
 * repeats with the factor's period (Popescu and Farid, 2005; Kirchner, 2008). Summing squared first
 * and second differences over each column (and each row) and looking at that profile's spectrum at
 * 1/2, 1/3 and 1/4 cycles per pixel finds the period whatever the picture; the score is the peak's
 * power over the median power of the frequencies around it, averaged over the two axes, so about 1
 * means no trace.
 *
 * <p>A JPEG's 8×8 grid repeats at 1/8 and its multiples, which include 1/4 and 1/2: on an image
 * with a visible block grid only the 1/3 period can be told from compression.
 */
final class ResamplingTrace {

  private static final double[] FREQUENCIES = {1 / 2.0, 1 / 3.0, 1 / 4.0};
  private static final double JPEG_FREE_FREQUENCY = 1 / 3.0;
  private static final int NEIGHBOURHOOD_FIRST = 3;
  private static final int NEIGHBOURHOOD_LAST = 20;

  private ResamplingTrace() {}

  /** The strongest periodicity peak; {@code blockGrid} limits the search to the 1/3 period. */
  static double peak(GrayPlane p, boolean blockGrid) {
    int w = p.width();
    int h = p.height();
    if (w < 3 * NEIGHBOURHOOD_LAST || h < 3 * NEIGHBOURHOOD_LAST) {
      return 1;
    }
    double[] firstX = new double[w];
    double[] firstY = new double[h];
    double[] secondX = new double[w];
    double[] secondY = new double[h];
    for (int y = 1; y < h - 1; y++) {
      for (int x = 1; x < w - 1; x++) {
        double v = p.at(x, y);
        double dx = p.at(x + 1, y) - v;
        double dy = p.at(x, y + 1) - v;
        double dxx = p.at(x - 1, y) - 2 * v + p.at(x + 1, y);
        double dyy = p.at(x, y - 1) - 2 * v + p.at(x, y + 1);
        firstX[x] += dx * dx;
        firstY[y] += dy * dy;
        secondX[x] += dxx * dxx;
        secondY[y] += dyy * dyy;
      }
    }
    double best = 0;
    for (double f : FREQUENCIES) {
      if (blockGrid && f != JPEG_FREE_FREQUENCY) {
        continue;
      }
      best = Math.max(best, contrast(firstX, f) + contrast(firstY, f));
      // ×2 puts its samples at ±1/4 of an original pixel: mirror images, so the curvature is the
      // same at both phases and only the steps between them show the period
      if (f != 1 / 2.0) {
        best = Math.max(best, contrast(secondX, f) + contrast(secondY, f));
      }
    }
    return best / 2;
  }

  /** Power of the profile at f over the median power at the frequencies around it. */
  private static double contrast(double[] profile, double f) {
    int n = profile.length - 2;
    double[] around = new double[2 * (NEIGHBOURHOOD_LAST - NEIGHBOURHOOD_FIRST + 1)];
    int k = 0;
    for (int j = NEIGHBOURHOOD_FIRST; j <= NEIGHBOURHOOD_LAST; j++) {
      around[k++] = power(profile, f + j / (double) n);
      around[k++] = power(profile, f - j / (double) n);
    }
    Arrays.sort(around);
    double median = (around[around.length / 2 - 1] + around[around.length / 2]) / 2;
    return power(profile, f) / Math.max(median, Double.MIN_NORMAL);
  }

  /** |DFT|² of the interior of the profile at frequency f (cycles per sample). */
  private static double power(double[] profile, double f) {
    double re = 0;
    double im = 0;
    for (int x = 1; x < profile.length - 1; x++) {
      double phase = 2 * Math.PI * f * x;
      re += profile[x] * Math.cos(phase);
      im += profile[x] * Math.sin(phase);
    }
    return re * re + im * im;
  }
}
