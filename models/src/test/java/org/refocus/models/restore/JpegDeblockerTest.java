package org.refocus.models.restore;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.refocus.models.SharedData;
import org.refocus.models.image.PlanarImage;
import org.refocus.models.io.ImageDecoder;
import org.refocus.models.jpeg.BlockDct;
import org.refocus.models.jpeg.CompressionTrace;
import org.refocus.models.jpeg.QuantisationTable;
import org.refocus.models.jpeg.QuantiserEstimator;
import org.refocus.models.quality.QualityMetrics;

class JpegDeblockerTest {

  private static final Path KODAK = SharedData.path("Kodak24");

  private final ImageDecoder decoder = new ImageDecoder();

  @Test
  void raisesLumaPsnrOnEveryKodakPhotographAtLowAndMediumQuality() throws Exception {
    for (float quality : new float[] {0.1f, 0.5f}) {
      double totalGain = 0;
      for (int i = 1; i <= 24; i++) {
        PlanarImage original =
            decoder.decode(KODAK.resolve(String.format("kodim%02d.png", i))).pixels();
        PlanarImage jpeg = Degradations.jpeg(original, quality);
        CompressionTrace trace = QuantiserEstimator.estimate(jpeg).orElseThrow();

        PlanarImage deblocked =
            JpegDeblocker.apply(jpeg, trace.table(), trace.gridX(), trace.gridY());

        double before = QualityMetrics.psnrY(original, jpeg, 0);
        double after = QualityMetrics.psnrY(original, deblocked, 0);
        double gain = after - before;
        System.out.printf(
            "kodim%02d JPEG q%.0f (found q%d): Y %.2f → %.2f dB%n",
            i, quality * 100, trace.table().quality(), before, after);
        assertThat(gain).as("kodim%02d at quality %.1f", i, quality).isPositive();
        totalGain += gain;
      }
      System.out.printf("JPEG q%.0f: mean Y-PSNR gain %.2f dB%n", quality * 100, totalGain / 24);
      assertThat(totalGain / 24).as("mean gain at quality %.1f", quality).isGreaterThan(0.4);
    }
  }

  @Test
  void staysAnImageTheFileCouldHaveBeenEncodedFrom() throws Exception {
    PlanarImage original = decoder.decode(KODAK.resolve("kodim19.png")).pixels();
    PlanarImage gray = PlanarImage.gray(original.width(), original.height(), original.plane(1));
    PlanarImage jpeg = Degradations.jpeg(gray, 0.2f);
    QuantisationTable table = QuantiserEstimator.estimate(jpeg).orElseThrow().table();

    PlanarImage deblocked = JpegDeblocker.apply(jpeg, table, 0, 0);

    assertThat(deblocked).isNotEqualTo(jpeg);
    double[] in = new double[64];
    double[] out = new double[64];
    double[] before = new double[64];
    double[] after = new double[64];
    double[] scratch = new double[64];
    int w = jpeg.width();
    for (int top = 0; top + 8 <= jpeg.height(); top += 8) {
      for (int left = 0; left + 8 <= w; left += 8) {
        for (int y = 0; y < 8; y++) {
          for (int x = 0; x < 8; x++) {
            in[y * 8 + x] = jpeg.plane(0)[(top + y) * w + left + x] * 255.0 - 128;
            out[y * 8 + x] = deblocked.plane(0)[(top + y) * w + left + x] * 255.0 - 128;
          }
        }
        BlockDct.forward(in, before, scratch);
        BlockDct.forward(out, after, scratch);
        for (int k = 0; k < 64; k++) {
          double q = table.step(k);
          double centre = q * Math.rint(before[k] / q);
          // float storage of the result adds at most ~1e-4 levels
          assertThat(Math.abs(after[k] - centre)).isLessThanOrEqualTo(q / 2 + 1e-3);
        }
      }
    }
  }
}
