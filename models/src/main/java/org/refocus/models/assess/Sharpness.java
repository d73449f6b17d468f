package org.refocus.models.assess;

/**
 * Variance of the Laplacian (Pech-Pacheco et al., ICPR 2000) on luma in 0..1: the energy of the
 * finest detail. Computed in double precision over interior pixels with the 4-neighbour Laplacian;
 * independent of bit depth because luma is on the 0..1 scale.
 */
final class Sharpness {

  private Sharpness() {}

  static double laplacianVariance(GrayPlane p) {
    int w = p.width();
    int h = p.height();
    if (w < 3 || h < 3) {
      return 0;
    }
    double sum = 0;
    double sumSquares = 0;
    long n = 0;
    for (int y = 1; y < h - 1; y++) {
      for (int x = 1; x < w - 1; x++) {
        double l =
            p.at(x - 1, y) + p.at(x + 1, y) + p.at(x, y - 1) + p.at(x, y + 1) - 4 * p.at(x, y);
        sum += l;
        sumSquares += l * l;
        n++;
      }
    }
    double mean = sum / n;
    return Math.max(0, sumSquares / n - mean * mean);
  }

  /**
   * Where the detail sits, whatever the contrast: the Laplacian's energy over the gradient's, both
   * less what noise of σ contributes (20σ² and 4σ² for these kernels). It weighs the spectrum by
   * frequency squared, so a sharp photograph scores about 2 to 3 and a blurred one below 1.6.
   * {@code laplacianVariance} is {@link #laplacianVariance} of the same plane, already measured.
   */
  static double detailRatio(GrayPlane p, double sigma, double laplacianVariance) {
    int w = p.width();
    int h = p.height();
    if (w < 3 || h < 3) {
      return 0;
    }
    double gradient = 0;
    long n = 0;
    for (int y = 0; y < h - 1; y++) {
      for (int x = 0; x < w - 1; x++) {
        double dx = p.at(x + 1, y) - p.at(x, y);
        double dy = p.at(x, y + 1) - p.at(x, y);
        gradient += dx * dx + dy * dy;
        n++;
      }
    }
    double noise = sigma * sigma;
    double signalGradient = gradient / n - 4 * noise;
    double signalLaplacian = laplacianVariance - 20 * noise;
    return signalLaplacian / Math.max(signalGradient, 1e-12);
  }
}
