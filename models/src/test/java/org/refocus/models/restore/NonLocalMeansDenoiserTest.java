package org.refocus.models.restore;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.refocus.models.SharedData;
import org.refocus.models.image.PlanarImage;
import org.refocus.models.io.ImageDecoder;
import org.refocus.models.quality.QualityMetrics;

class NonLocalMeansDenoiserTest {

  private static final Path KODAK = SharedData.path("Kodak24");

  @Test
  void removesGaussianNoiseFromPhotographs() throws Exception {
    SplittableRandom random = new SplittableRandom(17);
    ImageDecoder decoder = new ImageDecoder();
    for (String name : new String[] {"kodim03.png", "kodim08.png", "kodim15.png"}) {
      PlanarImage clean = decoder.decode(KODAK.resolve(name)).pixels();
      for (double levels : new double[] {10, 25}) {
        double sigma = levels / 255;
        PlanarImage noisy = Degradations.capture(clean, sigma, random);
        PlanarImage denoised = NonLocalMeansDenoiser.denoise(noisy, sigma, 1);
        double before = QualityMetrics.psnr(clean, noisy, 0);
        double after = QualityMetrics.psnr(clean, denoised, 0);
        System.out.printf("%s σ=%.0f: %.2f → %.2f dB%n", name, levels, before, after);
        assertThat(after).as("%s σ=%.0f", name, levels).isGreaterThan(before + 3);
      }
    }
  }

  @Test
  void aColourRoundTripThroughYCbCrIsExactToFloatPrecision() {
    float[] r = {0f, 1f, 0.25f};
    float[] g = {0f, 0.5f, 0.75f};
    float[] b = {1f, 0f, 0.5f};
    float[][] ycc = YCbCr.fromRgb(r, g, b);
    float[][] rgb = YCbCr.toRgb(ycc[0], ycc[1], ycc[2]);
    for (int i = 0; i < 3; i++) {
      assertThat(rgb[0][i]).isCloseTo(r[i], org.assertj.core.api.Assertions.within(1e-5f));
      assertThat(rgb[1][i]).isCloseTo(g[i], org.assertj.core.api.Assertions.within(1e-5f));
      assertThat(rgb[2][i]).isCloseTo(b[i], org.assertj.core.api.Assertions.within(1e-5f));
    }
  }
}
