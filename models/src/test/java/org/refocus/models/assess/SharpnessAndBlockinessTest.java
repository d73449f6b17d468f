package org.refocus.models.assess;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.refocus.models.SharedData;
import org.refocus.models.image.PlanarImage;
import org.refocus.models.io.DecodedImage;
import org.refocus.models.io.EncodeOptions;
import org.refocus.models.io.ImageDecoder;
import org.refocus.models.io.ImageEncoder;

class SharpnessAndBlockinessTest {

  private static final Path KODAK = SharedData.path("Kodak24");

  @TempDir Path dir;

  private final ImageDecoder decoder = new ImageDecoder();

  @Test
  void laplacianVarianceEqualsTheDirectDefinition() {
    SplittableRandom random = new SplittableRandom(5);
    int w = 9;
    int h = 7;
    double[] values = new double[w * h];
    for (int i = 0; i < values.length; i++) {
      values[i] = random.nextDouble();
    }
    GrayPlane plane = new GrayPlane(w, h, values);

    double[] laplacian = new double[(w - 2) * (h - 2)];
    int k = 0;
    for (int y = 1; y < h - 1; y++) {
      for (int x = 1; x < w - 1; x++) {
        laplacian[k++] =
            values[y * w + x - 1]
                + values[y * w + x + 1]
                + values[(y - 1) * w + x]
                + values[(y + 1) * w + x]
                - 4 * values[y * w + x];
      }
    }
    double mean = java.util.Arrays.stream(laplacian).average().orElseThrow();
    double variance =
        java.util.Arrays.stream(laplacian)
            .map(v -> (v - mean) * (v - mean))
            .average()
            .orElseThrow();

    assertThat(Sharpness.laplacianVariance(plane)).isCloseTo(variance, within(1e-12));
  }

  @Test
  void blurLowersSharpness() throws Exception {
    GrayPlane sharp = GrayPlane.luma(decoder.decode(KODAK.resolve("kodim05.png")).pixels());
    GrayPlane blurred = boxBlur(sharp);

    assertThat(Sharpness.laplacianVariance(blurred))
        .isLessThan(0.2 * Sharpness.laplacianVariance(sharp));
  }

  @Test
  void blockinessRisesAsJpegQualityFalls() throws Exception {
    DecodedImage original = decoder.decode(KODAK.resolve("kodim23.png"));
    double lossless = Blockiness.ratio(GrayPlane.luma(original.pixels()));
    double fine = Blockiness.ratio(GrayPlane.luma(jpeg(original, 0.95f)));
    double coarse = Blockiness.ratio(GrayPlane.luma(jpeg(original, 0.10f)));

    assertThat(lossless).isCloseTo(1.0, within(0.1));
    assertThat(fine).isLessThan(coarse);
    assertThat(coarse).isGreaterThan(1.3);
  }

  private PlanarImage jpeg(DecodedImage image, float quality) throws Exception {
    Path file = dir.resolve("q" + quality + ".jpg");
    new ImageEncoder().write(image, file, EncodeOptions.forFile(file).withJpegQuality(quality));
    assertThat(Files.size(file)).isPositive();
    return decoder.decode(file).pixels();
  }

  private static GrayPlane boxBlur(GrayPlane p) {
    int w = p.width();
    int h = p.height();
    double[] out = p.values().clone();
    for (int y = 2; y < h - 2; y++) {
      for (int x = 2; x < w - 2; x++) {
        double s = 0;
        for (int dy = -2; dy <= 2; dy++) {
          for (int dx = -2; dx <= 2; dx++) {
            s += p.at(x + dx, y + dy);
          }
        }
        out[y * w + x] = s / 25;
      }
    }
    return new GrayPlane(w, h, out);
  }
}
