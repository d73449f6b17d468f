package org.refocus.models.restore;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.refocus.models.SharedData;
import org.refocus.models.image.PlanarImage;

class PointSpreadFunctionTest {

  @Test
  void centringMovesTheMassToTheCentreByWholePixels() {
    double[][] k = new double[5][5];
    k[1][4] = 3; // 2 px right of centre, 1 px up
    k[1][3] = 1;

    PointSpreadFunction centred = PointSpreadFunction.of(k).centred();

    // centroid (1.75, −1) rounds to (2, −1): the weights keep their shape, one pixel apart
    assertThat(centred.radius()).isEqualTo(4);
    assertThat(centred.at(0, 0)).isCloseTo(0.75, within(1e-12));
    assertThat(centred.at(-1, 0)).isCloseTo(0.25, within(1e-12));
    assertThat(centroid(centred)[0]).isCloseTo(-0.25, within(1e-12));
    assertThat(centroid(centred)[1]).isCloseTo(0, within(1e-12));
  }

  @Test
  void aCentredKernelIsLeftAsItIs() {
    PointSpreadFunction disk = PointSpreadFunction.disk(3.5);
    PointSpreadFunction line = PointSpreadFunction.motion(21, 30);

    assertThat(disk.centred()).isSameAs(disk);
    assertThat(line.centred()).isSameAs(line);
  }

  @Test
  void theKairCameraShakesEndWithinHalfAPixelOfTheirCentre() throws Exception {
    for (String name : Degradations.KAIR_CAMERA_SHAKE) {
      PointSpreadFunction stored =
          Degradations.measuredKernel(SharedData.path("blur_kernels_KAIR", name));

      double[] c = centroid(stored.centred());

      assertThat(Math.abs(c[0])).as(name).isLessThanOrEqualTo(0.5);
      assertThat(Math.abs(c[1])).as(name).isLessThanOrEqualTo(0.5);
    }
    // k10 as stored sits 2 px right of its array's centre
    PointSpreadFunction k10 =
        Degradations.measuredKernel(SharedData.path("blur_kernels_KAIR", "kernels_12/k10.txt"));
    assertThat(centroid(k10)[0]).isCloseTo(2.0, within(0.05));
  }

  @Test
  void blurringWithTheCentredKernelOnlyTranslatesThePicture() throws Exception {
    PointSpreadFunction stored =
        Degradations.measuredKernel(SharedData.path("blur_kernels_KAIR", "kernels_12/k10.txt"));
    PointSpreadFunction centred = stored.centred();
    int sx = (int) Math.round(centroid(stored)[0]);
    int sy = (int) Math.round(centroid(stored)[1]);
    SplittableRandom random = new SplittableRandom(7);
    int w = 96;
    int h = 80;
    float[] plane = new float[w * h];
    for (int i = 0; i < plane.length; i++) {
      plane[i] = (float) random.nextDouble();
    }
    PlanarImage image = PlanarImage.of(w, h, new float[][] {plane}, null);

    PlanarImage a = Degradations.blur(image, stored);
    PlanarImage b = Degradations.blur(image, centred);

    // the stored kernel carries each point (sx, sy) further than the centred one does
    int margin = centred.radius() + 2;
    for (int y = margin; y < h - margin; y++) {
      for (int x = margin; x < w - margin; x++) {
        assertThat(a.sample(0, x, y)).isCloseTo(b.sample(0, x - sx, y - sy), within(1e-5f));
      }
    }
  }

  private static double[] centroid(PointSpreadFunction psf) {
    double cx = 0;
    double cy = 0;
    for (int dy = -psf.radius(); dy <= psf.radius(); dy++) {
      for (int dx = -psf.radius(); dx <= psf.radius(); dx++) {
        cx += dx * psf.at(dx, dy);
        cy += dy * psf.at(dx, dy);
      }
    }
    return new double[] {cx, cy};
  }

  @Test
  void supportExtentIsTheBoundingBoxOfTheWeightNotTheSquare() {
    double[][] k = new double[9][9];
    k[2][3] = 1;
    k[5][6] = 1;
    k[4][4] = 1;

    assertThat(PointSpreadFunction.of(k).supportExtent()).containsExactly(4, 4);
    assertThat(PointSpreadFunction.motion(10, 0).supportExtent()).containsExactly(11, 1);
  }

  @Test
  void gyrationRadiusIsTheSpreadOfTheWeightAboutItsCentroid() {
    double[][] k = new double[5][5];
    k[2][0] = 1; // two points 4 px apart: each 2 px from the centroid
    k[2][4] = 1;
    double[][] offCentre = new double[5][5];
    offCentre[0][0] = 3; // centroid (−1.5, −2): the points lie 0.5 and 1.5 px from it
    offCentre[0][2] = 1;

    assertThat(PointSpreadFunction.of(new double[][] {{1}}).gyrationRadius()).isZero();
    assertThat(PointSpreadFunction.of(k).gyrationRadius()).isCloseTo(2, within(1e-12));
    assertThat(PointSpreadFunction.of(offCentre).gyrationRadius())
        .isCloseTo(Math.sqrt(0.75 * 0.25 + 0.25 * 2.25), within(1e-12));
    // a drawn line and disk against the continuous shapes': L/√12 and r/√2, with a pixel's blur
    assertThat(PointSpreadFunction.motion(21, 30).gyrationRadius())
        .isCloseTo(21 / Math.sqrt(12), within(0.15));
    assertThat(PointSpreadFunction.disk(6).gyrationRadius())
        .isCloseTo(6 / Math.sqrt(2), within(0.1));
  }

  @Test
  void agreementIsOneForTheSameShapeAnywhereWithinTheShiftAllowed() {
    PointSpreadFunction line = PointSpreadFunction.motion(15, 30);
    double[][] moved = new double[31][31];
    for (int dy = -line.radius(); dy <= line.radius(); dy++) {
      for (int dx = -line.radius(); dx <= line.radius(); dx++) {
        moved[15 + dy + 1][15 + dx - 2] = line.at(dx, dy);
      }
    }
    PointSpreadFunction shifted = PointSpreadFunction.of(moved);

    assertThat(line.agreement(line, 0)).isCloseTo(1, within(1e-12));
    assertThat(line.agreement(shifted, 2)).isCloseTo(1, within(1e-12));
    assertThat(shifted.agreement(line, 2)).isCloseTo(1, within(1e-12));
    assertThat(line.agreement(shifted, 1)).isLessThan(0.9);
    assertThat(line.agreement(PointSpreadFunction.motion(15, 120), 4)).isLessThan(0.3);
  }

  @Test
  void agreementIsTheNormalisedCorrelationOfTheWeights() {
    // a point against a pair of points holding half the weight each: 0.5 / √(1 · 0.5)
    double[][] pair = new double[3][3];
    pair[1][1] = 1;
    pair[1][2] = 1;
    PointSpreadFunction point = PointSpreadFunction.of(new double[][] {{1}});

    assertThat(point.agreement(PointSpreadFunction.of(pair), 0))
        .isCloseTo(Math.sqrt(0.5), within(1e-12));
    assertThat(PointSpreadFunction.of(pair).agreement(point, 1))
        .isCloseTo(Math.sqrt(0.5), within(1e-12));
    // apart by more than the shift allowed, nothing in common
    double[][] far = new double[11][11];
    far[5][10] = 1;
    assertThat(point.agreement(PointSpreadFunction.of(far), 4)).isZero();
  }
}
