package org.refocus.models.neural;

import static org.assertj.core.api.Assertions.assertThat;

import ai.djl.inference.Predictor;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.refocus.models.image.PlanarImage;
import org.refocus.models.io.ImageDecoder;
import org.refocus.models.store.ModelCatalog;
import org.refocus.models.store.ModelSpec;
import org.refocus.models.store.ModelStore;

/**
 * Every catalogued model, imported and run by us on its package's fixture, against the result the
 * package ships from the original runtime (TF.js): ≥ 90 dB and no sample off by more than one
 * level. A wrong input range still scores about 43 dB, so nothing weaker than this proves the
 * import right.
 */
class FidelityTest {

  private static NeuralModels models;

  @BeforeAll
  static void engine() {
    models =
        new NeuralModels(
            ModelStore.configured(), ModelCatalog.bundled(), InferenceEngine.configured());
  }

  static Stream<String> modelsWithSamples() {
    return ModelCatalog.bundled().packages().stream()
        .flatMap(p -> p.models().stream())
        .filter(m -> m.format().equals("tfjs-layers") && m.sample() != null)
        .map(ModelSpec::id);
  }

  @ParameterizedTest
  @MethodSource("modelsWithSamples")
  void reproducesTheShippedSample(String id) throws Exception {
    try (NeuralModel model = models.load(id)) {
      Agreement agreement = onFixture(model);

      System.out.printf("fidelity %s: %s%n", id, agreement);
      assertThat(agreement.psnr()).isGreaterThanOrEqualTo(90);
      assertThat(agreement.maxError()).isLessThanOrEqualTo(1);
    }
  }

  /** The model on its package's fixture against the package's sample, both sized alike. */
  private static Agreement onFixture(NeuralModel model) throws Exception {
    Path root = ModelStore.configured().ensure(model.source());
    ImageDecoder decoder = new ImageDecoder();
    PlanarImage fixture =
        decoder.decode(root.resolve(model.spec().fixture())).pixels().withoutAlpha();
    PlanarImage expected =
        decoder.decode(root.resolve(model.spec().sample())).pixels().withoutAlpha();
    try (Predictor<PlanarImage, PlanarImage> predictor = model.newPredictor()) {
      PlanarImage actual = predictor.predict(fixture);
      assertThat(actual.width()).isEqualTo(expected.width());
      assertThat(actual.height()).isEqualTo(expected.height());
      // TF.js rounds to the nearest level (truncating instead scores 51 dB)
      return Agreement.of(actual, expected);
    }
  }

  @Test
  void thePyTorchEngineReproducesTheSampleFromTheSameParameters() throws Exception {
    NeuralModels onPyTorch =
        new NeuralModels(
            ModelStore.configured(), ModelCatalog.bundled(), InferenceEngine.named("PyTorch"));
    try (NeuralModel model = onPyTorch.load("esrgan-medium-x2")) {
      Agreement agreement = onFixture(model);

      System.out.printf("fidelity %s on PyTorch: %s%n", model.id(), agreement);
      assertThat(model.engine().describe()).startsWith("PyTorch");
      assertThat(agreement.psnr()).isGreaterThanOrEqualTo(90);
      assertThat(agreement.maxError()).isLessThanOrEqualTo(1);
    }
  }

  @Test
  void anUnknownEngineIsRefusedNamingTheChoices() {
    org.assertj.core.api.Assertions.assertThatThrownBy(() -> InferenceEngine.named("TensorRT"))
        .hasMessageContaining("TensorRT")
        .hasMessageContaining("MXNet")
        .hasMessageContaining("PyTorch");
  }

  record Agreement(double psnr, int maxError, long differing) {
    static Agreement of(PlanarImage actual, PlanarImage expected) {
      double se = 0;
      int max = 0;
      long differing = 0;
      long n = 0;
      for (int c = 0; c < 3; c++) {
        float[] a = actual.plane(c);
        float[] e = expected.plane(c);
        for (int i = 0; i < a.length; i++) {
          int av = Math.round(a[i] * 255f);
          int ev = Math.round(e[i] * 255f);
          int d = Math.abs(av - ev);
          se += (double) d * d;
          max = Math.max(max, d);
          differing += d == 0 ? 0 : 1;
          n++;
        }
      }
      double mse = se / n;
      return new Agreement(
          mse == 0 ? Double.POSITIVE_INFINITY : 10 * Math.log10(255.0 * 255.0 / mse),
          max,
          differing);
    }

    @Override
    public String toString() {
      return String.format("%.2f dB max %d differing %d", psnr, maxError, differing);
    }
  }
}
