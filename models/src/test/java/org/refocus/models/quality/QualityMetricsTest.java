package org.refocus.models.quality;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.Arrays;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.refocus.models.image.PlanarImage;

class QualityMetricsTest {

  private static final long SEED = 20261124L;

  @Test
  void identicalImagesHaveInfinitePsnrAndSsimOne() {
    PlanarImage image = randomRgb(40, 30, new SplittableRandom(SEED));

    assertThat(QualityMetrics.psnr(image, image, 0)).isInfinite();
    assertThat(QualityMetrics.psnrY(image, image, 0)).isInfinite();
    assertThat(QualityMetrics.ssim(image, image, 0)).isCloseTo(1.0, within(1e-12));
    assertThat(QualityMetrics.ssimY(image, image, 0)).isCloseTo(1.0, within(1e-12));
  }

  @Test
  void oneLevelOfErrorEverywhereIs48Point13Db() {
    PlanarImage a = constantGray(20, 20, 0.5f);
    PlanarImage b = constantGray(20, 20, 0.5f + 1f / 255f);

    // PSNR = 20 log10(255) for an error of one 8-bit level in every pixel.
    assertThat(QualityMetrics.psnr(a, b, 0)).isCloseTo(20 * Math.log10(255), within(1e-4));
  }

  @Test
  void psnrLeavesTheBorderOut() {
    float[] ref = new float[10 * 10];
    float[] test = ref.clone();
    test[0] = 1f; // a corner pixel, inside a border of 1
    PlanarImage a = PlanarImage.gray(10, 10, ref);
    PlanarImage b = PlanarImage.gray(10, 10, test);

    assertThat(QualityMetrics.psnr(a, b, 1)).isInfinite();
    assertThat(QualityMetrics.psnr(a, b, 0)).isCloseTo(10 * Math.log10(100), within(1e-9));
  }

  @Test
  void lumaFollowsBt601StudioSwing() {
    PlanarImage whiteAndBlack =
        PlanarImage.rgb(2, 1, new float[] {1, 0}, new float[] {1, 0}, new float[] {1, 0});

    double[] y = Luminance.bt601(whiteAndBlack);

    assertThat(y[0]).isCloseTo(235.0 / 255, within(1e-12));
    assertThat(y[1]).isCloseTo(16.0 / 255, within(1e-12));
  }

  @Test
  void ssimOfConstantImagesIsTheLuminanceTerm() {
    double a = 0.3;
    double b = 0.6;

    double ssim =
        QualityMetrics.ssim(constantGray(16, 16, (float) a), constantGray(16, 16, (float) b), 0);

    double expected = (2 * a * b + Ssim.C1) / (a * a + b * b + Ssim.C1);
    assertThat(ssim).isCloseTo(expected, within(1e-6));
  }

  @Test
  void separableSsimEqualsTheDirectWindowReference() {
    SplittableRandom random = new SplittableRandom(SEED);
    int w = 37;
    int h = 23;
    double[] a = new double[w * h];
    double[] b = new double[w * h];
    for (int i = 0; i < a.length; i++) {
      a[i] = random.nextDouble();
      b[i] = 0.7 * a[i] + 0.3 * random.nextDouble();
    }

    assertThat(Ssim.mean(a, b, w, h)).isCloseTo(naiveSsim(a, b, w, h), within(1e-12));
  }

  @Test
  void ssimFallsAsNoiseGrows() {
    SplittableRandom random = new SplittableRandom(SEED);
    PlanarImage clean = randomRgb(48, 48, random);
    double previous = 1;
    for (double sigma : new double[] {0.01, 0.05, 0.2}) {
      double ssim = QualityMetrics.ssim(clean, addNoise(clean, sigma, random), 0);
      assertThat(ssim).isLessThan(previous);
      previous = ssim;
    }
  }

  @Test
  void refusesImagesOfDifferentShape() {
    assertThatThrownBy(
            () -> QualityMetrics.psnr(constantGray(10, 10, 0), constantGray(10, 11, 0), 0))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("differ");
  }

  /** SSIM straight from its definition: the 2-D window applied pixel by pixel. */
  private static double naiveSsim(double[] a, double[] b, int w, int h) {
    double[] g = Ssim.window();
    int r = Ssim.RADIUS;
    double total = 0;
    int count = 0;
    for (int y = r; y < h - r; y++) {
      for (int x = r; x < w - r; x++) {
        double ma = 0, mb = 0, maa = 0, mbb = 0, mab = 0;
        for (int dy = -r; dy <= r; dy++) {
          for (int dx = -r; dx <= r; dx++) {
            double weight = g[dy + r] * g[dx + r];
            double va = a[(y + dy) * w + x + dx];
            double vb = b[(y + dy) * w + x + dx];
            ma += weight * va;
            mb += weight * vb;
            maa += weight * va * va;
            mbb += weight * vb * vb;
            mab += weight * va * vb;
          }
        }
        total += Ssim.map(ma, mb, maa, mbb, mab);
        count++;
      }
    }
    return total / count;
  }

  private static PlanarImage constantGray(int w, int h, float value) {
    float[] plane = new float[w * h];
    Arrays.fill(plane, value);
    return PlanarImage.gray(w, h, plane);
  }

  private static PlanarImage randomRgb(int w, int h, SplittableRandom random) {
    float[][] planes = new float[3][w * h];
    for (float[] plane : planes) {
      for (int i = 0; i < plane.length; i++) {
        plane[i] = (float) random.nextDouble();
      }
    }
    return PlanarImage.rgb(w, h, planes[0], planes[1], planes[2]);
  }

  private static PlanarImage addNoise(PlanarImage image, double sigma, SplittableRandom random) {
    float[][] planes = new float[3][];
    for (int c = 0; c < 3; c++) {
      planes[c] = image.plane(c).clone();
      for (int i = 0; i < planes[c].length; i++) {
        planes[c][i] += (float) (sigma * gaussian(random));
      }
    }
    return PlanarImage.rgb(image.width(), image.height(), planes[0], planes[1], planes[2]);
  }

  private static double gaussian(SplittableRandom random) {
    // Box–Muller: SplittableRandom has no nextGaussian on Java 17.
    return Math.sqrt(-2 * Math.log(1 - random.nextDouble()))
        * Math.cos(2 * Math.PI * random.nextDouble());
  }
}
