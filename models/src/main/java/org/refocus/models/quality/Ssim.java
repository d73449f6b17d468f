package org.refocus.models.quality;

/**
 * Structural similarity (Wang, Bovik, Sheikh and Simoncelli, IEEE TIP 2004) as the reference
 * implementation defines it: 11×11 Gaussian window with σ = 1.5, K1 = 0.01, K2 = 0.03, dynamic
 * range 1, statistics only where the whole window fits ("valid"), SSIM map averaged. The Gaussian
 * is applied separably, in double precision.
 */
final class Ssim {

  static final int RADIUS = 5;
  static final double SIGMA = 1.5;
  static final double C1 = 0.01 * 0.01;
  static final double C2 = 0.03 * 0.03;

  private Ssim() {}

  /** The normalised 1-D Gaussian whose outer product is the 11×11 window. */
  static double[] window() {
    double[] g = new double[2 * RADIUS + 1];
    double sum = 0;
    for (int i = -RADIUS; i <= RADIUS; i++) {
      g[i + RADIUS] = Math.exp(-(i * i) / (2 * SIGMA * SIGMA));
      sum += g[i + RADIUS];
    }
    for (int i = 0; i < g.length; i++) {
      g[i] /= sum;
    }
    return g;
  }

  static double mean(double[] a, double[] b, int w, int h) {
    if (w <= 2 * RADIUS || h <= 2 * RADIUS) {
      throw new IllegalArgumentException(
          "SSIM needs at least 11x11 pixels, the compared area is " + w + "x" + h);
    }
    double[] g = window();
    double[] ab = new double[a.length];
    double[] aa = new double[a.length];
    double[] bb = new double[a.length];
    for (int i = 0; i < a.length; i++) {
      ab[i] = a[i] * b[i];
      aa[i] = a[i] * a[i];
      bb[i] = b[i] * b[i];
    }
    double[] muA = filterValid(a, w, h, g);
    double[] muB = filterValid(b, w, h, g);
    double[] sAA = filterValid(aa, w, h, g);
    double[] sBB = filterValid(bb, w, h, g);
    double[] sAB = filterValid(ab, w, h, g);
    double total = 0;
    for (int i = 0; i < muA.length; i++) {
      total += map(muA[i], muB[i], sAA[i], sBB[i], sAB[i]);
    }
    return total / muA.length;
  }

  /** One value of the SSIM map from the window's first and second moments. */
  static double map(double muA, double muB, double meanAA, double meanBB, double meanAB) {
    double varA = meanAA - muA * muA;
    double varB = meanBB - muB * muB;
    double cov = meanAB - muA * muB;
    return ((2 * muA * muB + C1) * (2 * cov + C2))
        / ((muA * muA + muB * muB + C1) * (varA + varB + C2));
  }

  /** Separable filtering keeping only outputs whose window lies inside the image. */
  private static double[] filterValid(double[] in, int w, int h, double[] g) {
    int ow = w - 2 * RADIUS;
    int oh = h - 2 * RADIUS;
    double[] rows = new double[ow * h];
    for (int y = 0; y < h; y++) {
      int base = y * w;
      for (int x = 0; x < ow; x++) {
        double s = 0;
        for (int k = 0; k < g.length; k++) {
          s += g[k] * in[base + x + k];
        }
        rows[y * ow + x] = s;
      }
    }
    double[] out = new double[ow * oh];
    for (int y = 0; y < oh; y++) {
      for (int x = 0; x < ow; x++) {
        double s = 0;
        for (int k = 0; k < g.length; k++) {
          s += g[k] * rows[(y + k) * ow + x];
        }
        out[y * ow + x] = s;
      }
    }
    return out;
  }
}
