package org.refocus.models.assess;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.nio.file.Path;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.refocus.models.SharedData;
import org.refocus.models.io.ImageDecoder;

class NoiseEstimatorTest {

  private static final Path KODAK = SharedData.path("Kodak24");
  private static final long SEED = 7;

  @Test
  void theMaskIgnoresPlanesAndRamps() {
    double[] values = new double[5 * 5];
    for (int y = 0; y < 5; y++) {
      for (int x = 0; x < 5; x++) {
        values[y * 5 + x] = 0.1 + 0.03 * x + 0.05 * y + 0.002 * x * y;
      }
    }
    GrayPlane ramp = new GrayPlane(5, 5, values);

    assertThat(NoiseEstimator.mask(ramp, 2, 2)).isCloseTo(0, within(1e-12));
    assertThat(NoiseEstimator.sigma(ramp)).isCloseTo(0, within(1e-12));
  }

  @Test
  void measuresGaussianNoiseOnAFlatField() {
    SplittableRandom random = new SplittableRandom(SEED);
    for (double sigma : new double[] {2 / 255.0, 10 / 255.0, 25 / 255.0}) {
      GrayPlane noisy = withNoise(new GrayPlane(512, 512, filled(512 * 512, 0.5)), sigma, random);
      assertThat(NoiseEstimator.sigma(noisy)).isCloseTo(sigma, within(0.03 * sigma));
    }
  }

  /**
   * Kodak's scans carry film grain of their own (σ₀, measured on the clean image); added noise of σ
   * makes σ₀ and σ add in quadrature, and that is what the estimate must find.
   */
  @Test
  void measuresNoiseAddedToRealPhotographsWithin15Percent() throws Exception {
    SplittableRandom random = new SplittableRandom(SEED);
    ImageDecoder decoder = new ImageDecoder();
    for (String name : new String[] {"kodim01.png", "kodim08.png", "kodim13.png", "kodim23.png"}) {
      GrayPlane clean = GrayPlane.luma(decoder.decode(KODAK.resolve(name)).pixels());
      double grain = NoiseEstimator.sigma(clean);
      for (double levels : new double[] {5, 10, 20}) {
        double sigma = levels / 255;
        double expected = Math.hypot(sigma, grain);
        double estimate = NoiseEstimator.sigma(withNoise(clean, sigma, random));
        assertThat(estimate)
            .as("%s at σ = %.0f levels (grain %.2f)", name, levels, grain * 255)
            .isCloseTo(expected, within(0.15 * expected));
      }
    }
  }

  static GrayPlane withNoise(GrayPlane plane, double sigma, SplittableRandom random) {
    double[] values = plane.values().clone();
    for (int i = 0; i < values.length; i++) {
      values[i] += sigma * gaussian(random);
    }
    return new GrayPlane(plane.width(), plane.height(), values);
  }

  private static double[] filled(int n, double value) {
    double[] values = new double[n];
    java.util.Arrays.fill(values, value);
    return values;
  }

  private static double gaussian(SplittableRandom random) {
    return Math.sqrt(-2 * Math.log(1 - random.nextDouble()))
        * Math.cos(2 * Math.PI * random.nextDouble());
  }
}
