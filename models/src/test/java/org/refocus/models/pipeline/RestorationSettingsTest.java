package org.refocus.models.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class RestorationSettingsTest {

  @Test
  void knowsWhetherAnyStepMayNeedTheInferenceEngine() throws Exception {
    assertThat(Presets.load(Presets.DEFAULT).mayUseNeuralModels()).isFalse();
    assertThat(Presets.load("restore-neural").mayUseNeuralModels()).isTrue();

    var off = RestorationSettings.Deblur.OFF;
    var noDenoise = RestorationSettings.Denoise.OFF;
    var neuralUpscale = new RestorationSettings.Upscale(2, "neural", "esrgan-slim", null, null);
    var lanczos = new RestorationSettings.Upscale(2, "lanczos");
    assertThat(new RestorationSettings(off, noDenoise, neuralUpscale).mayUseNeuralModels())
        .isTrue();
    assertThat(new RestorationSettings(off, noDenoise, lanczos).mayUseNeuralModels()).isFalse();
  }
}
