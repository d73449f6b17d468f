package org.refocus.models.restore;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class KernelFitTest {

  private static final int W = 40;
  private static final int H = 32;

  /** A 7×7 curved stroke, the shape of a small camera shake. */
  private static PointSpreadFunction stroke() {
    double[][] k = new double[7][7];
    k[1][1] = 1;
    k[2][2] = 2;
    k[3][3] = 3;
    k[3][4] = 2;
    k[4][5] = 1;
    k[5][5] = 1;
    return PointSpreadFunction.of(k);
  }

  /** Sparse, strong edges' gradients: what the salient-edge selection hands the fit. */
  private static double[] sparseGradients(SplittableRandom random) {
    double[] g = new double[W * H];
    for (int i = 0; i < g.length; i++) {
      g[i] = random.nextDouble() < 0.15 ? random.nextDouble() * 2 - 1 : 0;
    }
    return g;
  }

  @Test
  void normalOperatorIsTheNaiveSumOverThePlane() {
    SplittableRandom random = new SplittableRandom(11);
    double[] lx = sparseGradients(random);
    double[] ly = sparseGradients(random);
    int side = 5;
    int r = side / 2;
    double[] k = PeriodicPlanes.random(random, side * side);
    try (PlaneFourier fourier = new PlaneFourier(W, H)) {
      double[] power = new double[2 * W * H];
      double[] sx = fourier.forward(lx);
      double[] sy = fourier.forward(ly);
      for (int i = 0; i < W * H; i++) {
        power[2 * i] =
            sx[2 * i] * sx[2 * i]
                + sx[2 * i + 1] * sx[2 * i + 1]
                + sy[2 * i] * sy[2 * i]
                + sy[2 * i + 1] * sy[2 * i + 1];
      }
      double[] autocorrelation = fourier.aroundOrigin(fourier.inverse(power), 2 * r);

      double[] applied = KernelFit.apply(k, autocorrelation, side);

      // (AᵀA + ρI)k with A the periodic convolution of each gradient plane: k ↦ k∗l, written out
      for (int py = -r; py <= r; py++) {
        for (int px = -r; px <= r; px++) {
          double expected = KernelFit.RIDGE * k[(py + r) * side + px + r];
          for (double[] l : new double[][] {lx, ly}) {
            for (int y = 0; y < H; y++) {
              for (int x = 0; x < W; x++) {
                double blurred = 0;
                for (int qy = -r; qy <= r; qy++) {
                  for (int qx = -r; qx <= r; qx++) {
                    blurred +=
                        k[(qy + r) * side + qx + r]
                            * l[Math.floorMod(y - qy, H) * W + Math.floorMod(x - qx, W)];
                  }
                }
                expected += blurred * l[Math.floorMod(y - py, H) * W + Math.floorMod(x - px, W)];
              }
            }
          }
          assertThat(applied[(py + r) * side + px + r]).isCloseTo(expected, within(1e-9));
        }
      }
    }
  }

  @Test
  void recoversAKernelFromGradientsItBlurred() {
    SplittableRandom random = new SplittableRandom(12);
    double[] lx = sparseGradients(random);
    double[] ly = sparseGradients(random);
    // strong edges, so that the ridge of 2 is small against the gradients' energy
    for (int i = 0; i < lx.length; i++) {
      lx[i] *= 20;
      ly[i] *= 20;
    }
    PointSpreadFunction truth = stroke();
    double[] bx = PeriodicPlanes.convolve(lx, W, H, truth, false);
    double[] by = PeriodicPlanes.convolve(ly, W, H, truth, false);
    int side = 11;
    try (PlaneFourier fourier = new PlaneFourier(W, H)) {
      KernelGrid k =
          KernelFit.solve(fourier, fourier.forward(bx), fourier.forward(by), lx, ly, side);

      double error = 0;
      for (int dy = -5; dy <= 5; dy++) {
        for (int dx = -5; dx <= 5; dx++) {
          double t = Math.abs(dx) <= 3 && Math.abs(dy) <= 3 ? truth.at(dx, dy) : 0;
          error += Math.abs(k.at(dx, dy) - t);
        }
      }
      assertThat(error).as("L1 distance to the kernel that blurred").isLessThan(0.05);
    }
  }
}
