package org.refocus.models.restore;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.refocus.models.SharedData;
import org.refocus.models.image.PlanarImage;
import org.refocus.models.io.ImageDecoder;
import org.refocus.models.quality.QualityMetrics;

class LanczosUpscalerTest {

  private static final Path SET5 = SharedData.path("Set5");

  @Test
  void enlargesSet5ByTwoAsWellAsPublishedBicubic() throws Exception {
    ImageDecoder decoder = new ImageDecoder();
    double lanczosSum = 0;
    for (String name : new String[] {"baby", "bird", "butterfly", "head", "woman"}) {
      PlanarImage hr = decoder.decode(SET5.resolve("HR").resolve(name + ".png")).pixels();
      PlanarImage lr =
          decoder.decode(SET5.resolve("LR_bicubic/X2").resolve(name + "x2.png")).pixels();

      PlanarImage up = LanczosUpscaler.upscale(lr, 2);

      assertThat(up.width()).isEqualTo(lr.width() * 2);
      PlanarImage reference = crop(hr, up.width(), up.height());
      double psnr = QualityMetrics.psnrY(reference, up, 2);
      System.out.printf("Set5 %s x2 Lanczos Y-PSNR %.2f dB%n", name, psnr);
      lanczosSum += psnr;
    }
    // Published bicubic ×2 on Set5: 33.66 dB mean Y-PSNR (MATLAB imresize).
    assertThat(lanczosSum / 5).isGreaterThan(33.0);
  }

  @Test
  void alphaIsResizedWithTheColourAndStaysInRange() {
    float[] alpha = {0, 1, 1, 0};
    PlanarImage image = PlanarImage.of(2, 2, new float[][] {{0.2f, 0.4f, 0.6f, 0.8f}}, alpha);

    PlanarImage up = LanczosUpscaler.upscale(image, 4);

    assertThat(up.hasAlpha()).isTrue();
    assertThat(up.alpha()).hasSize(64);
    for (float a : up.alpha()) {
      assertThat(a).isBetween(0f, 1f);
    }
  }

  private static PlanarImage crop(PlanarImage image, int w, int h) {
    float[][] planes = new float[image.colourChannels()][w * h];
    for (int c = 0; c < planes.length; c++) {
      for (int y = 0; y < h; y++) {
        System.arraycopy(image.plane(c), y * image.width(), planes[c], y * w, w);
      }
    }
    return PlanarImage.of(w, h, planes, null);
  }
}
