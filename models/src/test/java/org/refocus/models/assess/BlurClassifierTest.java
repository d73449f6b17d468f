package org.refocus.models.assess;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.refocus.models.image.PlanarImage;
import org.refocus.models.restore.Degradations;

class BlurClassifierTest {

  @Test
  void eachMeasureDecidesItsOwnType() {
    assertThat(BlurClassifier.decide(2.5, 0.1, 1, false).type()).isEqualTo(BlurType.SHARP);
    assertThat(BlurClassifier.decide(2.5, 0.6, 1, false).type()).isEqualTo(BlurType.MOTION);
    assertThat(BlurClassifier.decide(0.8, 0.6, 100, false).type()).isEqualTo(BlurType.MOTION);
    assertThat(BlurClassifier.decide(0.8, 0.1, 100, false).type())
        .isEqualTo(BlurType.LOW_RESOLUTION);
    assertThat(BlurClassifier.decide(0.8, 0.1, 1, false).type()).isEqualTo(BlurType.DEFOCUS);
  }

  @Test
  void confidenceGrowsWithTheDistanceFromTheThresholds() {
    double near = BlurClassifier.decide(1.7, 0.1, 1, false).confidence();
    double far = BlurClassifier.decide(0.4, 0.05, 1, false).confidence();
    assertThat(near).isBetween(0.5, 0.6);
    assertThat(far).isGreaterThan(0.9);
  }

  @Test
  void defocusUnderAJpegGridIsNeverCertain() {
    assertThat(BlurClassifier.decide(0.4, 0.05, 1, true).confidence()).isLessThan(0.75);
  }

  @Test
  void anEnlargementLeavesAPeriodicTraceThatNoiseDoesNot() {
    SplittableRandom random = new SplittableRandom(5);
    int side = 300;
    float[] gray = new float[side * side];
    for (int i = 0; i < gray.length; i++) {
      gray[i] = (float) random.nextDouble();
    }
    PlanarImage noise = PlanarImage.gray(side, side, gray);
    assertThat(ResamplingTrace.peak(GrayPlane.luma(noise), false)).isLessThan(4);
    for (int factor = 2; factor <= 4; factor++) {
      PlanarImage enlarged = Degradations.lowResolution(noise, factor);
      assertThat(ResamplingTrace.peak(GrayPlane.luma(enlarged), false))
          .as("x%d", factor)
          .isGreaterThan(BlurClassifier.RESAMPLING_TRACE * 3);
    }
    assertThat(ResamplingTrace.peak(GrayPlane.luma(Degradations.lowResolution(noise, 3)), true))
        .as("x3 under a JPEG grid")
        .isGreaterThan(BlurClassifier.RESAMPLING_TRACE * 3);
  }

  @Test
  void isotropicNoiseHasNoDirection() {
    SplittableRandom random = new SplittableRandom(9);
    int side = 256;
    double[] values = new double[side * side];
    for (int i = 0; i < values.length; i++) {
      values[i] = random.nextDouble();
    }
    LogSpectrum spectrum = LogSpectrum.of(new GrayPlane(side, side, values), 512);
    assertThat(SpectralAnisotropy.twoFold(spectrum)).isLessThan(BlurClassifier.MOTION_ANISOTROPY);
  }
}
