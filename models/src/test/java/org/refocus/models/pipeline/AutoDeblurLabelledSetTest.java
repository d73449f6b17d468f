package org.refocus.models.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.refocus.models.assess.BlurType;
import org.refocus.models.assess.LabelledBlurSet;
import org.refocus.models.quality.QualityMetrics;

/**
 * The conservative preset's automatic deblur on the labelled set held out from the classifier's
 * calibration (seed 2027; see BlurClassifierCalibrationTest), other steps off: the measured-disk
 * deconvolution acts only on defocus-blurred photographs, on every one with a single level of
 * noise, and raises PSNR on each it touches by at least a decibel; no step touches a sharp one.
 */
class AutoDeblurLabelledSetTest {

  private static final long HELD_OUT_SEED = 2027;

  @Test
  void deconvolvesTheMeasuredDiskOnlyWhereThePhotographIsDefocused() throws Exception {
    RestorationSettings deblurOnly =
        new RestorationSettings(
            Presets.load("conservative").deblur(),
            RestorationSettings.Denoise.OFF,
            new RestorationSettings.Upscale(1, "lanczos"));
    int disks = 0;
    int touched = 0;
    double gains = 0;
    try (Pipeline pipeline = new Pipeline()) {
      for (LabelledBlurSet.Case c : LabelledBlurSet.build(HELD_OUT_SEED)) {
        PipelineResult result = pipeline.run(c.image(), deblurOnly);
        List<Object> psfs = result.steps().stream().map(s -> s.parameters().get("psf")).toList();
        boolean disk = psfs.contains("disk (measured)");
        boolean cleanDefocus = c.label() == BlurType.DEFOCUS && c.degradation().endsWith(", σ 1");
        disks += c.label() == BlurType.DEFOCUS ? 1 : 0;
        if (c.label() == BlurType.SHARP) {
          assertThat(result.steps()).as(c.name() + " " + c.degradation()).isEmpty();
        }
        if (cleanDefocus) {
          assertThat(disk).as(c.name() + " " + c.degradation() + " deconvolved").isTrue();
        }
        if (disk) {
          double gain =
              QualityMetrics.psnr(c.original(), result.image(), 20)
                  - QualityMetrics.psnr(c.original(), c.image(), 20);
          System.out.printf(
              Locale.ROOT,
              "%s %s: disk r %.2f px, %+.2f dB%n",
              c.name(),
              c.degradation(),
              (Double) result.steps().get(0).parameters().get("radius"),
              gain);
          assertThat(c.label()).as(c.name() + " " + c.degradation()).isEqualTo(BlurType.DEFOCUS);
          assertThat(gain).as(c.name() + " " + c.degradation()).isGreaterThan(1.0);
          touched++;
          gains += gain;
        }
      }
    }
    System.out.printf(
        Locale.ROOT,
        "measured-disk deconvolution on %d of %d defocused photographs, mean %+.2f dB%n",
        touched,
        disks,
        gains / touched);
  }
}
