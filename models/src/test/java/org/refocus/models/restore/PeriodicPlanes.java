package org.refocus.models.restore;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.SplittableRandom;

/** Naive periodic planes for the deconvolutions' reference tests. */
final class PeriodicPlanes {

  private PeriodicPlanes() {}

  static double[] random(SplittableRandom random, int n) {
    double[] p = new double[n];
    for (int i = 0; i < n; i++) {
      p[i] = random.nextDouble();
    }
    return p;
  }

  static float[] randomFloats(SplittableRandom random, int n) {
    float[] p = new float[n];
    for (int i = 0; i < n; i++) {
      p[i] = (float) random.nextDouble();
    }
    return p;
  }

  /** The outer product of (1, 4, 1) with itself: a blur whose spectrum has no zero. */
  static PointSpreadFunction noZeroInSpectrum() {
    double[] taps = {1, 4, 1};
    double[][] kernel = new double[3][3];
    for (int i = 0; i < 3; i++) {
      for (int j = 0; j < 3; j++) {
        kernel[i][j] = taps[i] * taps[j];
      }
    }
    return PointSpreadFunction.of(kernel);
  }

  /** Periodic convolution with the PSF, or with its mirror image (the adjoint), pixel by pixel. */
  static double[] convolve(double[] x, int w, int h, PointSpreadFunction psf, boolean adjoint) {
    double[] out = new double[w * h];
    int r = psf.radius();
    int sign = adjoint ? -1 : 1;
    for (int py = 0; py < h; py++) {
      for (int px = 0; px < w; px++) {
        double s = 0;
        for (int dy = -r; dy <= r; dy++) {
          for (int dx = -r; dx <= r; dx++) {
            s +=
                psf.at(dx, dy)
                    * x[Math.floorMod(py - sign * dy, h) * w + Math.floorMod(px - sign * dx, w)];
          }
        }
        out[py * w + px] = s;
      }
    }
    return out;
  }

  /**
   * Blurs a random 32×24 plane circularly with {@link #noZeroInSpectrum} and checks that the
   * solver, asked to undo exactly that blur, gives the plane back within the tolerance.
   */
  static void assertUndoesCircularBlur(Deconvolutions.PeriodicSolver solver, double tolerance) {
    SplittableRandom random = new SplittableRandom(1);
    int w = 32;
    int h = 24;
    double[] x = random(random, w * h);
    double[] y = convolve(x, w, h, noZeroInSpectrum(), false);

    double[] restored = solver.solve(y, w, h);

    for (int i = 0; i < x.length; i++) {
      assertThat(restored[i]).isCloseTo(x[i], within(tolerance));
    }
  }
}
