package org.refocus.models.assess;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.refocus.models.SharedData;
import org.refocus.models.io.ImageDecoder;
import org.refocus.models.restore.PointSpreadFunction;

class MotionEstimatorTest {

  private static final Path KODAK = SharedData.path("Kodak24");

  @Test
  void findsTheAngleAndLengthOfStraightMotionOnPhotographs() throws Exception {
    SplittableRandom random = new SplittableRandom(11);
    ImageDecoder decoder = new ImageDecoder();
    List<Double> angleErrors = new ArrayList<>();
    List<Double> lengthErrors = new ArrayList<>();
    for (int i = 1; i <= 24; i++) {
      GrayPlane sharp =
          GrayPlane.luma(decoder.decode(KODAK.resolve(String.format("kodim%02d.png", i))).pixels());
      double angle = random.nextInt(180);
      double length = 8 + random.nextInt(23);
      MotionEstimate found =
          MotionEstimator.estimate(Blurs.apply(sharp, PointSpreadFunction.motion(length, angle)));
      double angleError = Math.abs(found.angleDegrees() - angle);
      angleError = Math.min(angleError, 180 - angleError);
      angleErrors.add(angleError);
      lengthErrors.add(Math.abs(found.lengthPixels() - length) / length);
      System.out.printf(
          "kodim%02d: motion %.0f° %.0f px → found %.1f° %.1f px (strength %.1f)%n",
          i, angle, length, found.angleDegrees(), found.lengthPixels(), found.strength());
    }
    assertThat(median(angleErrors)).isLessThanOrEqualTo(5);
    assertThat(median(lengthErrors)).isLessThanOrEqualTo(0.2);
  }

  @Test
  void aSharpPhotographShowsNoStraightMotion() throws Exception {
    ImageDecoder decoder = new ImageDecoder();
    for (String name : new String[] {"kodim01.png", "kodim13.png", "kodim20.png"}) {
      GrayPlane sharp = GrayPlane.luma(decoder.decode(KODAK.resolve(name)).pixels());
      GrayPlane moved = Blurs.apply(sharp, PointSpreadFunction.motion(15, 30));
      assertThat(MotionEstimator.estimate(sharp).strength())
          .as(name)
          .isLessThan(MotionEstimator.estimate(moved).strength() / 2);
    }
  }

  /** What a camera would have stored: sensor noise of one level, then 8-bit quantisation. */
  private static GrayPlane as8BitCapture(GrayPlane plane, SplittableRandom random) {
    double[] values = NoiseEstimatorTest.withNoise(plane, 1 / 255.0, random).values();
    for (int i = 0; i < values.length; i++) {
      values[i] = Math.round(Math.max(0, Math.min(1, values[i])) * 255) / 255.0;
    }
    return new GrayPlane(plane.width(), plane.height(), values);
  }

  private static double median(List<Double> values) {
    List<Double> sorted = new ArrayList<>(values);
    Collections.sort(sorted);
    return sorted.get(sorted.size() / 2);
  }
}
