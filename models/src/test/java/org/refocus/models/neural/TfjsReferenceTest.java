package org.refocus.models.neural;

import static org.assertj.core.api.Assertions.assertThat;

import ai.djl.inference.Predictor;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.refocus.models.image.PlanarImage;
import org.refocus.models.io.ImageDecoder;
import org.refocus.models.store.ModelCatalog;
import org.refocus.models.store.ModelStore;

/**
 * For the models whose packages ship no sample result (esrgan-slim and esrgan-medium ×8), the
 * reference is TF.js itself, the runtime the shipped samples came from, pinned by version and
 * integrity in {@code src/test/node/package-lock.json} and run in Node on the same fixture. One
 * model that does ship a sample is run too, to show the reference reproduces the packages' own
 * results.
 */
class TfjsReferenceTest {

  private static NeuralModels models;

  @BeforeAll
  static void installTfjs() throws Exception {
    models =
        new NeuralModels(
            ModelStore.configured(), ModelCatalog.bundled(), InferenceEngine.configured());
    TfjsReference.install();
  }

  @ParameterizedTest
  @ValueSource(strings = {"esrgan-slim-x8", "esrgan-medium-x8", "esrgan-slim-x4"})
  void matchesTfjsOnTheFixture(String id) throws Exception {
    try (NeuralModel model = models.load(id);
        Predictor<PlanarImage, PlanarImage> predictor = model.newPredictor()) {
      Path root = ModelStore.configured().ensure(model.source());
      PlanarImage fixture =
          new ImageDecoder().decode(root.resolve(model.spec().fixture())).pixels().withoutAlpha();

      PlanarImage ours = predictor.predict(fixture);
      PlanarImage tfjs =
          TfjsReference.run(
              root.resolve(model.spec().modelJson()), fixture, model.scale(), 255f, "cpu");

      FidelityTest.Agreement agreement = FidelityTest.Agreement.of(ours, tfjs);
      System.out.printf("against TF.js %s: %s%n", id, agreement);
      assertThat(agreement.psnr()).isGreaterThanOrEqualTo(90);
      assertThat(agreement.maxError()).isLessThanOrEqualTo(1);
      if (model.spec().sample() != null) {
        PlanarImage shipped =
            new ImageDecoder().decode(root.resolve(model.spec().sample())).pixels().withoutAlpha();
        FidelityTest.Agreement reference = FidelityTest.Agreement.of(tfjs, shipped);
        System.out.printf("TF.js %s against the shipped sample: %s%n", id, reference);
        assertThat(reference.psnr()).isGreaterThanOrEqualTo(90);
      }
    }
  }
}
