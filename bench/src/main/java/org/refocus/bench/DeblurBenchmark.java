package org.refocus.bench;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;
import org.refocus.models.image.PlanarImage;
import org.refocus.models.pipeline.Pipeline;
import org.refocus.models.pipeline.Presets;
import org.refocus.models.quality.QualityMetrics;
import org.refocus.models.restore.Degradations;
import org.refocus.models.restore.PointSpreadFunction;
import org.refocus.models.restore.WienerDeconvolution;

/**
 * Automatic deblur on the 24 Kodak photographs, each blurred by a known kernel and stored in 8
 * bits: {@code deblur-kodak [PRESET] [line|disk|kair] [TILE] [FIRST] [KODAK_DIR] [KERNEL_DIR]},
 * from photograph FIRST (default 1) on.
 *
 * <ul>
 *   <li>{@code line}: straight motion, 10–30 px at angles spread over 180° (seeded);
 *   <li>{@code disk}: defocus, a disk of radius 2.5–8 px in quarter pixels (seeded), the range the
 *       assessment is calibrated on;
 *   <li>{@code kair}: the six measured camera-shake kernels of the KAIR set in turn ({@link
 *       Degradations#KAIR_CAMERA_SHAKE}), each moved by whole pixels to its centroid ({@link
 *       PointSpreadFunction#centred}): as stored, up to 2 px off centre, they would also translate
 *       the picture, which no restoration can undo from the blurred image alone.
 * </ul>
 *
 * PSNR/SSIM leave out a border of the kernel's radius, where a blur of a mirrored edge is no
 * measure of anything. Default tile 768: each photograph is one tile.
 */
public final class DeblurBenchmark {

  /**
   * The pipeline's Wiener NSR at one level of noise: the pair's line with the true PSF is the most
   * any estimate of the kernel could gain through the classical deconvolution.
   */
  private static final double KNOWN_PSF_NOISE_TO_SIGNAL = 0.03;

  private DeblurBenchmark() {}

  public static void main(String[] args) throws Exception {
    String preset = args.length > 0 ? args[0] : Presets.DEFAULT;
    String family = args.length > 1 ? args[1] : "line";
    Integer tile = args.length > 2 ? Integer.valueOf(args[2]) : 768;
    int first = args.length > 3 ? Integer.parseInt(args[3]) : 1;
    Path kodak = Path.of(args.length > 4 ? args[4] : "../shared/data/Kodak24");
    Path kernels = Path.of(args.length > 5 ? args[5] : "../shared/data/blur_kernels_KAIR");
    List<String> names = new ArrayList<>();
    List<PointSpreadFunction> psfs = new ArrayList<>();
    SplittableRandom random = new SplittableRandom(2026);
    for (int i = 0; i < 24; i++) {
      switch (family) {
        case "line" -> {
          double length = 10 + random.nextInt(21);
          double angle = random.nextInt(180);
          names.add(String.format(Locale.ROOT, "line %.0f px at %.0f°", length, angle));
          psfs.add(PointSpreadFunction.motion(length, angle));
        }
        case "disk" -> {
          double radius = 2.5 + random.nextInt(23) / 4.0;
          names.add(String.format(Locale.ROOT, "disk r %.2f px", radius));
          psfs.add(PointSpreadFunction.disk(radius));
        }
        case "kair" -> {
          String k = Degradations.KAIR_CAMERA_SHAKE.get(i % Degradations.KAIR_CAMERA_SHAKE.size());
          names.add(k);
          psfs.add(Degradations.measuredKernel(kernels.resolve(k)).centred());
        }
        default -> throw new IllegalArgumentException("line, disk or kair, not " + family);
      }
    }
    System.out.printf(
        "Kodak24, blurred (%s kernels) and stored in 8 bits, through preset %s%n", family, preset);
    RestorationPairs.Tally tally = new RestorationPairs.Tally();
    SplittableRandom noNoise = new SplittableRandom(0);
    try (Pipeline pipeline = new Pipeline()) {
      for (int i = first - 1; i < 24; i++) {
        String name = String.format(Locale.ROOT, "kodim%02d", i + 1);
        PlanarImage sharp = RestorationPairs.decode(kodak.resolve(name + ".png"));
        PointSpreadFunction psf = psfs.get(i);
        PlanarImage blur = Degradations.capture(Degradations.blur(sharp, psf), 0, noNoise);
        tally.add(
            RestorationPairs.compare(
                pipeline,
                RestorationPairs.withTile(Presets.load(preset), tile),
                name + " " + names.get(i),
                blur,
                sharp,
                psf.radius()));
        PlanarImage known =
            RestorationPairs.eightBit(
                WienerDeconvolution.apply(blur, psf, KNOWN_PSF_NOISE_TO_SIGNAL, 1));
        System.out.printf(
            Locale.ROOT,
            "%-30s with the true PSF (Wiener, NSR %.2f): %.2f dB%n",
            name + " " + names.get(i),
            KNOWN_PSF_NOISE_TO_SIGNAL,
            QualityMetrics.psnr(sharp, known, psf.radius()));
      }
    }
    tally.print();
  }
}
