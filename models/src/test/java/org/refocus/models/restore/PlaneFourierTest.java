package org.refocus.models.restore;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class PlaneFourierTest {

  @Test
  void forwardIsTheDefiningSumAndInverseUndoesIt() {
    SplittableRandom random = new SplittableRandom(3);
    int w = 7;
    int h = 5;
    double[] plane = PeriodicPlanes.random(random, w * h);

    try (PlaneFourier fourier = new PlaneFourier(w, h)) {
      double[] spectrum = fourier.forward(plane);

      for (int v = 0; v < h; v++) {
        for (int u = 0; u < w; u++) {
          double re = 0;
          double im = 0;
          for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
              double phase = -2 * Math.PI * ((double) u * x / w + (double) v * y / h);
              re += plane[y * w + x] * Math.cos(phase);
              im += plane[y * w + x] * Math.sin(phase);
            }
          }
          assertThat(spectrum[2 * (v * w + u)]).isCloseTo(re, within(1e-12));
          assertThat(spectrum[2 * (v * w + u) + 1]).isCloseTo(im, within(1e-12));
        }
      }
      double[] back = fourier.inverse(spectrum);
      for (int i = 0; i < plane.length; i++) {
        assertThat(back[i]).isCloseTo(plane[i], within(1e-14));
      }
    }
  }

  @Test
  void reusedBuffersLeaveNothingOfTheLastTransform() {
    SplittableRandom random = new SplittableRandom(4);
    int w = 12;
    int h = 9;
    double[] first = PeriodicPlanes.random(random, w * h);
    double[] second = PeriodicPlanes.random(random, w * h);
    double[] alone;
    try (PlaneFourier fresh = new PlaneFourier(w, h)) {
      alone = fresh.forward(second);
    }

    try (PlaneFourier fourier = new PlaneFourier(w, h)) {
      fourier.inverse(fourier.forward(first));
      double[] afterAnother = fourier.forward(second);

      assertThat(afterAnother).containsExactly(alone);
    }
  }

  @Test
  void transferFunctionOfAShiftedPointIsItsPhaseRamp() {
    int w = 8;
    int h = 6;
    double[][] kernel = new double[3][3];
    kernel[1][2] = 1; // all light one pixel right
    try (PlaneFourier fourier = new PlaneFourier(w, h)) {
      double[] k = fourier.transferFunction(PointSpreadFunction.of(kernel));

      for (int v = 0; v < h; v++) {
        for (int u = 0; u < w; u++) {
          double phase = -2 * Math.PI * u / w;
          assertThat(k[2 * (v * w + u)]).isCloseTo(Math.cos(phase), within(1e-14));
          assertThat(k[2 * (v * w + u) + 1]).isCloseTo(Math.sin(phase), within(1e-14));
        }
      }
    }
  }
}
