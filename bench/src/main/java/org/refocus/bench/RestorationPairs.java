package org.refocus.bench;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.refocus.models.assess.Assessment;
import org.refocus.models.image.PlanarImage;
import org.refocus.models.io.ImageDecoder;
import org.refocus.models.pipeline.Pipeline;
import org.refocus.models.pipeline.PipelineResult;
import org.refocus.models.pipeline.RestorationSettings;
import org.refocus.models.pipeline.StepRecord;
import org.refocus.models.quality.QualityMetrics;

/**
 * Blurred/sharp pairs through a preset: PSNR/SSIM (RGB) of the blurred input and of the 8-bit
 * output against the sharp image, and the sharp image through the same preset, which must not get
 * worse.
 */
final class RestorationPairs {

  private RestorationPairs() {}

  /** PSNR of the blurred input and the restored output, and the sharp image's own loss. */
  record Result(double before, double after, double sharpLoss) {}

  /** One pair; PSNR/SSIM leave out {@code border} pixels at each edge. */
  static Result compare(
      Pipeline pipeline,
      RestorationSettings settings,
      String name,
      PlanarImage blur,
      PlanarImage sharp,
      int border) {
    long start = System.nanoTime();
    PipelineResult result = pipeline.run(blur, settings);
    double seconds = (System.nanoTime() - start) / 1e9;
    PlanarImage out = eightBit(result.image());
    double before = QualityMetrics.psnr(sharp, blur, border);
    double after = QualityMetrics.psnr(sharp, out, border);
    System.out.printf(
        Locale.ROOT,
        "%-30s assessed %-14s %s blurred %.2f dB / SSIM %.4f → restored %.2f dB / SSIM %.4f"
            + " (%+.2f dB) in %.1f s (%.0f s/MP), steps %s%n",
        name,
        result.assessment().blur().type(),
        gateFigures(result.assessment()),
        before,
        QualityMetrics.ssim(sharp, blur, border),
        after,
        QualityMetrics.ssim(sharp, out, border),
        after - before,
        seconds,
        seconds / (blur.pixelCount() / 1e6),
        describe(result.steps()));

    PipelineResult onSharp = pipeline.run(sharp, settings);
    double psnr = QualityMetrics.psnr(sharp, eightBit(onSharp.image()), border);
    double loss = Double.isInfinite(psnr) ? 0 : 100 - Math.min(100, psnr);
    System.out.printf(
        Locale.ROOT,
        "%-30s sharp original assessed %s %s: %s, steps %s%n",
        name,
        onSharp.assessment().blur().type(),
        gateFigures(onSharp.assessment()),
        Double.isInfinite(psnr) ? "untouched" : String.format(Locale.ROOT, "%.2f dB", psnr),
        describe(onSharp.steps()));
    return new Result(before, after, loss);
  }

  /**
   * What the automatic deblur decides on: the motion comb's strength, the defocus ring comb's
   * strength and radius, the verdict's confidence and the sharpness.
   */
  private static String gateFigures(Assessment a) {
    return String.format(
        Locale.ROOT,
        "(motion %.4f, defocus %.4f at r %.2f, confidence %.2f, sharpness %.5f)",
        a.motion().strength(),
        a.defocus().strength(),
        a.defocus().radiusPixels(),
        a.blur().confidence(),
        a.sharpness());
  }

  /** The settings with the deblur step's tile side set (null: chosen from free memory). */
  static RestorationSettings withTile(RestorationSettings preset, Integer tile) {
    RestorationSettings.Deblur d = preset.deblur();
    return new RestorationSettings(
        preset.deblock(),
        new RestorationSettings.Deblur(
            d.mode(),
            d.length(),
            d.angle(),
            d.radius(),
            d.strength(),
            d.priorWeight(),
            d.model(),
            tile),
        preset.denoise(),
        preset.upscale());
  }

  static PlanarImage decode(Path path) throws Exception {
    return new ImageDecoder().decode(path).pixels().withoutAlpha();
  }

  /** Rounded to 8 bits as a saved file would be. */
  static PlanarImage eightBit(PlanarImage image) {
    float[][] planes = new float[image.colourChannels()][];
    for (int c = 0; c < planes.length; c++) {
      float[] in = image.plane(c);
      float[] out = new float[in.length];
      for (int i = 0; i < in.length; i++) {
        out[i] = Math.round(Math.max(0f, Math.min(1f, in[i])) * 255f) / 255f;
      }
      planes[c] = out;
    }
    return PlanarImage.of(image.width(), image.height(), planes, null);
  }

  private static String describe(List<StepRecord> steps) {
    return steps.isEmpty()
        ? "none"
        : String.join(
            ", ",
            steps.stream().map(s -> s.step() + " " + s.operator() + " " + s.parameters()).toList());
  }

  /** The summary line over all pairs. */
  static final class Tally {
    private final List<Result> results = new ArrayList<>();

    void add(Result r) {
      results.add(r);
    }

    void print() throws IOException {
      int n = results.size();
      double minGain =
          results.stream().mapToDouble(r -> r.after() - r.before()).min().orElse(Double.NaN);
      long raised = results.stream().filter(r -> r.after() > r.before()).count();
      double worstSharp = results.stream().mapToDouble(Result::sharpLoss).max().orElse(0);
      double before = results.stream().mapToDouble(Result::before).sum() / n;
      double after = results.stream().mapToDouble(Result::after).sum() / n;
      System.out.printf(
          Locale.ROOT,
          "mean blurred %.2f dB → restored %.2f dB: mean gain %+.2f dB (smallest %+.2f), raised on"
              + " %d of %d pairs; sharp originals lose at most %.2f dB; peak RSS %d MB%n",
          before,
          after,
          after - before,
          minGain,
          raised,
          n,
          worstSharp,
          OperatorBenchmark.peakResidentMegabytes());
    }
  }
}
