package org.refocus.models.neural;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Random;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.refocus.models.image.PlanarImage;
import org.refocus.models.store.ModelCatalog;
import org.refocus.models.store.ModelStore;

class NeuralRestorerTest {

  private static GraphModel denoising;

  @BeforeAll
  static void load() throws Exception {
    denoising =
        new NeuralModels(
                ModelStore.configured(), ModelCatalog.bundled(), InferenceEngine.configured())
            .loadGraph("maxim-denoising");
  }

  @AfterAll
  static void close() {
    denoising.close();
  }

  @Test
  void mirrorsLikeNumpysReflectWithoutRepeatingTheEdge() {
    // numpy.pad([0, 1, 2, 3], (0, 8), mode="reflect") = 0 1 2 3 2 1 0 1 2 3 2 1
    int[] expected = {0, 1, 2, 3, 2, 1, 0, 1, 2, 3, 2, 1};
    for (int i = 0; i < expected.length; i++) {
      assertThat(NeuralRestorer.mirror(i, 4)).as("index %d", i).isEqualTo(expected[i]);
    }
    assertThat(NeuralRestorer.mirror(5, 1)).isZero();
  }

  @Test
  void tilesAreMultiplesOfWhatTheModelAccepts() {
    NeuralRestorer restorer = new NeuralRestorer(denoising);
    assertThat(denoising.spec().sizeMultiple()).isEqualTo(64);
    assertThat(restorer.tiling(300).tile()).isEqualTo(256);
    assertThat(restorer.tiling(384).tile()).isEqualTo(384);
    assertThat(restorer.defaultTiling().tile() % 64).isZero();
    assertThatThrownBy(() -> restorer.tiling(100)).hasMessageContaining("below 128");
  }

  @Test
  void grayWithAlphaOfAnyShapeComesBackGrayWithItsAlphaUntouched() throws Exception {
    int w = 150;
    int h = 70; // neither a multiple of 64: mirrored out to 192×128 and cropped back
    float[] gray = new float[w * h];
    float[] alpha = new float[w * h];
    Random random = new Random(11);
    for (int i = 0; i < gray.length; i++) {
      gray[i] = 0.5f + 0.3f * (float) Math.sin(i % w / 9.0) + 0.05f * (float) random.nextGaussian();
      alpha[i] = (i % 7) / 6f;
    }
    PlanarImage image = PlanarImage.of(w, h, new float[][] {gray}, alpha);
    NeuralRestorer restorer = new NeuralRestorer(denoising);

    PlanarImage out = restorer.restore(image, restorer.tiling(256), done -> {});

    assertThat(out.width()).isEqualTo(w);
    assertThat(out.height()).isEqualTo(h);
    assertThat(out.colourChannels()).isEqualTo(1);
    assertThat(out.alpha()).containsExactly(alpha);
    double noiseBefore = roughness(gray, w, h);
    double noiseAfter = roughness(out.plane(0), w, h);
    assertThat(noiseAfter).isLessThan(0.5 * noiseBefore);
  }

  /** Mean absolute difference between horizontal neighbours: what the added noise raises. */
  private static double roughness(float[] plane, int w, int h) {
    double sum = 0;
    for (int y = 0; y < h; y++) {
      for (int x = 1; x < w; x++) {
        sum += Math.abs(plane[y * w + x] - plane[y * w + x - 1]);
      }
    }
    return sum / (h * (w - 1.0));
  }
}
