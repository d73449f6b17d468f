package org.refocus.models.cli;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;
import org.refocus.models.pipeline.DeclinedStep;
import org.refocus.models.pipeline.StepRecord;

/**
 * What a restore did to one file, in a few words for its progress line, e.g. {@code deblur (disk r
 * 5.3 px), denoise (non-local-means)}, {@code deblur (camera shake 19×12 px)} or {@code untouched},
 * followed by any step declined and why ({@code untouched; deblur declined: motion blur assessed at
 * sharpness …}); the audit beside the output has the whole record.
 */
final class StepSummary {

  private StepSummary() {}

  static String of(List<StepRecord> steps, List<DeclinedStep> declined) {
    String done =
        steps.isEmpty()
            ? "untouched"
            : steps.stream().map(StepSummary::describe).collect(Collectors.joining(", "));
    return declined.stream()
        .map(d -> "; " + d.step() + " declined: " + d.reason())
        .collect(Collectors.joining("", done, ""));
  }

  private static String describe(StepRecord s) {
    Map<String, Object> p = s.parameters();
    String detail;
    if (s.model() != null) {
      detail = s.model().id();
    } else if (p.get("psf") instanceof String psf && psf.startsWith("disk")) {
      detail = String.format(Locale.ROOT, "disk r %.1f px", (Double) p.get("radius"));
    } else if (p.get("psf") instanceof String psf && psf.startsWith("motion")) {
      detail =
          String.format(
              Locale.ROOT,
              "motion %.0f px at %.0f°",
              (Double) p.get("length"),
              (Double) p.get("angle"));
    } else if (p.get("psf") instanceof String psf && psf.startsWith("camera shake")) {
      detail = "camera shake " + p.get("extent") + " px";
    } else if (p.get("nearestQuality") instanceof Integer quality) {
      detail = "JPEG quality " + quality;
    } else {
      detail = s.operator();
    }
    String factor = p.get("factor") instanceof Integer f ? " ×" + f : "";
    return s.step() + factor + " (" + detail + ")";
  }
}
