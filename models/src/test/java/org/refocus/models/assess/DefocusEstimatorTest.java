package org.refocus.models.assess;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.refocus.models.SharedData;
import org.refocus.models.io.ImageDecoder;
import org.refocus.models.restore.PointSpreadFunction;

class DefocusEstimatorTest {

  private static final Path KODAK = SharedData.path("Kodak24");

  @Test
  void findsTheRadiusOfADefocusDiskOnPhotographs() throws Exception {
    SplittableRandom random = new SplittableRandom(13);
    ImageDecoder decoder = new ImageDecoder();
    List<Double> errors = new ArrayList<>();
    for (int i = 2; i <= 24; i += 2) {
      GrayPlane sharp =
          GrayPlane.luma(decoder.decode(KODAK.resolve(String.format("kodim%02d.png", i))).pixels());
      double radius = 2 + random.nextInt(13) * 0.5;
      DefocusEstimate found =
          DefocusEstimator.estimate(Blurs.apply(sharp, PointSpreadFunction.disk(radius)));
      errors.add(Math.abs(found.radiusPixels() - radius) / radius);
      System.out.printf(
          "kodim%02d: disk %.1f px → found %.2f px (strength %.3f)%n",
          i, radius, found.radiusPixels(), found.strength());
    }
    Collections.sort(errors);
    assertThat(errors.get(errors.size() / 2)).isLessThanOrEqualTo(0.1);
  }

  /**
   * Disks of 2.5–3 px leave their rings about 100 bins apart, a comb slow enough that a narrow
   * detrending removes it; measured against one, half of these came out at 5–15 px (a harmonic).
   */
  @Test
  void findsSmallDisksAtTheirOwnRadiusNotAHarmonic() throws Exception {
    ImageDecoder decoder = new ImageDecoder();
    for (String name : new String[] {"kodim02", "kodim04", "kodim17", "kodim23"}) {
      GrayPlane sharp = GrayPlane.luma(decoder.decode(KODAK.resolve(name + ".png")).pixels());
      for (double radius : new double[] {2.5, 2.75, 3.0}) {
        DefocusEstimate found =
            DefocusEstimator.estimate(Blurs.apply(sharp, PointSpreadFunction.disk(radius)));
        System.out.printf(
            "%s: disk %.2f px → found %.2f px (strength %.4f)%n",
            name, radius, found.radiusPixels(), found.strength());
        assertThat(found.radiusPixels())
            .as(name + " disk " + radius)
            .isCloseTo(radius, within(0.1 * radius));
      }
    }
  }
}
