package org.refocus.models.jpeg;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.refocus.models.SharedData;
import org.refocus.models.image.PlanarImage;
import org.refocus.models.io.ImageDecoder;

class QuantiserEstimatorTest {

  private static final Path KODAK = SharedData.path("Kodak24");
  private static final String[] VARIED = {"kodim01", "kodim03", "kodim08", "kodim13", "kodim20"};

  private final ImageDecoder decoder = new ImageDecoder();

  @ParameterizedTest
  @ValueSource(ints = {10, 30, 50, 75, 90})
  void readsTheQuantiserTheFileWasWrittenWith(int quality) throws Exception {
    for (String name : VARIED) {
      PlanarImage original = decoder.decode(KODAK.resolve(name + ".png")).pixels();
      JpegFiles.Compressed jpeg = JpegFiles.compress(original, quality / 100f);

      CompressionTrace trace = QuantiserEstimator.estimate(jpeg.pixels()).orElseThrow();

      assertThat(trace.table().quality()).as(name).isEqualTo(quality);
      assertThat(trace.gridX()).isZero();
      assertThat(trace.gridY()).isZero();
      int[] steps = trace.table().steps();
      for (int k = 0; k < 64; k++) {
        // measured steps are exact; ±1 only where the standard table stands in and the encoder
        // scaled in floating point
        assertThat(steps[k])
            .as("%s step %d", name, k)
            .isBetween(jpeg.lumaTable()[k] - 1, jpeg.lumaTable()[k] + 1);
      }
    }
  }

  @Test
  void findsTheGridOfACroppedJpeg() throws Exception {
    PlanarImage original = decoder.decode(KODAK.resolve("kodim05.png")).pixels();
    PlanarImage jpeg = JpegFiles.compress(original, 0.75f).pixels();
    PlanarImage cropped = crop(jpeg, 3, 5);

    CompressionTrace trace = QuantiserEstimator.estimate(cropped).orElseThrow();

    assertThat(trace.gridX()).isEqualTo(5);
    assertThat(trace.gridY()).isEqualTo(3);
    assertThat(trace.table().quality()).isEqualTo(75);
  }

  @Test
  void findsNothingInImagesThatWereNeverCompressed() throws Exception {
    for (int i = 1; i <= 24; i++) {
      Path file = KODAK.resolve(String.format("kodim%02d.png", i));
      PlanarImage image = decoder.decode(file).pixels();

      assertThat(QuantiserEstimator.estimate(image)).as(file.toString()).isEmpty();
    }
  }

  private static PlanarImage crop(PlanarImage image, int left, int top) {
    int w = image.width() - left;
    int h = image.height() - top;
    float[][] planes = new float[image.colourChannels()][w * h];
    for (int c = 0; c < planes.length; c++) {
      for (int y = 0; y < h; y++) {
        System.arraycopy(image.plane(c), (y + top) * image.width() + left, planes[c], y * w, w);
      }
    }
    return PlanarImage.of(w, h, planes, null);
  }
}
