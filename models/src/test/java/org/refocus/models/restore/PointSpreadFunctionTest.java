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
}
