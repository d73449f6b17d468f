package org.refocus.models.restore;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class L0LatentImageTest {

  private static final int W = 48;
  private static final int H = 40;

  /** Three overlapping rectangles on a gray ground: an image whose gradients are all steps. */
  private static double[] rectangles() {
    double[] x = new double[W * H];
    for (int y = 0; y < H; y++) {
      for (int col = 0; col < W; col++) {
        double v = 0.4;
        v += col >= 8 && col < 30 && y >= 6 && y < 20 ? 0.4 : 0;
        v -= col >= 20 && col < 40 && y >= 15 && y < 34 ? 0.3 : 0;
        v += col >= 4 && col < 14 && y >= 26 && y < 36 ? 0.25 : 0;
        x[y * W + col] = v;
      }
    }
    return x;
  }

  private static int nonZeroGradients(double[] x) {
    double[] dx = new double[x.length];
    double[] dy = new double[x.length];
    PeriodicDifferences.of(x, W, H, dx, dy);
    int count = 0;
    for (int i = 0; i < x.length; i++) {
      count += dx[i] * dx[i] + dy[i] * dy[i] > 1e-4 ? 1 : 0;
    }
    return count;
  }

  /**
   * With the true kernel and a light prior (2·10⁻⁴; the estimator ends its rounds at 10⁻⁴) the
   * splitting finds the rectangles again, edges as steps; with the estimator's first λ, 4·10⁻³, on
   * so small an image it also flattens them partly (RMS error 0.019 against the blurred 0.056).
   */
  @Test
  void givesBackTheStepsThatTheKernelBlurred() {
    double[] sharp = rectangles();
    double[][] stroke = new double[5][5];
    stroke[2][0] = 1;
    stroke[2][1] = 1;
    stroke[2][2] = 1;
    stroke[1][3] = 1;
    stroke[0][4] = 1;
    PointSpreadFunction psf = PointSpreadFunction.of(stroke);
    double[] blurred = PeriodicPlanes.convolve(sharp, W, H, psf, false);
    double[] k = new double[25];
    for (int dy = -2; dy <= 2; dy++) {
      for (int dx = -2; dx <= 2; dx++) {
        k[(dy + 2) * 5 + dx + 2] = psf.at(dx, dy);
      }
    }

    double[] latent;
    try (PlaneFourier fourier = new PlaneFourier(W, H)) {
      latent = L0LatentImage.solve(fourier, blurred, new KernelGrid(5, k), 2e-4);
    }

    double blurredError = 0;
    double latentError = 0;
    for (int i = 0; i < sharp.length; i++) {
      blurredError += (blurred[i] - sharp[i]) * (blurred[i] - sharp[i]);
      latentError += (latent[i] - sharp[i]) * (latent[i] - sharp[i]);
    }
    System.out.printf(
        "rms %f blurred %f nz %d %d %d%n",
        Math.sqrt(latentError / sharp.length),
        Math.sqrt(blurredError / sharp.length),
        nonZeroGradients(latent),
        nonZeroGradients(sharp),
        nonZeroGradients(blurred));
    assertThat(Math.sqrt(latentError / sharp.length)).isLessThan(0.001);
    assertThat(latentError).isLessThan(blurredError / 10000);
    // the prior's point: edges are steps again, not ramps
    assertThat(nonZeroGradients(latent)).isLessThanOrEqualTo(nonZeroGradients(sharp) * 11 / 10);
    assertThat(nonZeroGradients(blurred)).isGreaterThan(2 * nonZeroGradients(sharp));
  }
}
