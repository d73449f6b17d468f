package org.refocus.models.neural;

import static org.assertj.core.api.Assertions.assertThat;

import ai.djl.inference.Predictor;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.refocus.models.SharedData;
import org.refocus.models.image.PlanarImage;
import org.refocus.models.io.ImageDecoder;

/** Tiled inference against one pass over the whole image, on a real photograph. */
class TiledInferenceTest {

  private static NeuralModel model;
  private static PlanarImage image;
  private static PlanarImage whole;

  @BeforeAll
  static void wholeImage() throws Exception {
    model = NeuralModels.configured().load("esrgan-slim-x2");
    PlanarImage kodim =
        new ImageDecoder().decode(SharedData.path("Kodak24", "kodim23.png")).pixels();
    image = kodim.colourRegion(100, 0, 512, 512);
    try (Predictor<PlanarImage, PlanarImage> predictor = model.newPredictor()) {
      whole = predictor.predict(image);
    }
  }

  @AfterAll
  static void release() {
    model.close();
  }

  @ParameterizedTest
  @ValueSource(ints = {96, 128, 200, 320})
  void tiledEqualsUntiledWithinOneLevel(int tile) throws Exception {
    NeuralUpscaler upscaler = new NeuralUpscaler(model);
    List<Integer> progress = new ArrayList<>();

    PlanarImage tiled = upscaler.upscale(image, NeuralUpscaler.tiling(tile), progress::add);

    assertThat(progress).hasSizeGreaterThan(1);
    int worst = 0;
    for (int c = 0; c < 3; c++) {
      float[] a = tiled.plane(c);
      float[] b = whole.plane(c);
      for (int i = 0; i < a.length; i++) {
        worst = Math.max(worst, Math.abs(Math.round(a[i] * 255) - Math.round(b[i] * 255)));
      }
    }
    System.out.printf(
        "tile %d: %d tiles, worst difference %d levels%n", tile, progress.size(), worst);
    assertThat(worst).isLessThanOrEqualTo(1);
  }
}
