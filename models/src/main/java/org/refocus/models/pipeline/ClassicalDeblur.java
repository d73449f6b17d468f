package org.refocus.models.pipeline;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.refocus.models.assess.Assessment;
import org.refocus.models.assess.DefocusEstimate;
import org.refocus.models.restore.PointSpreadFunction;

/**
 * What the classical deblur does to an image: the PSF it deconvolves with and how hard the prior
 * pulls, taken from the preset or, in "auto", from the assessment; or nothing. Every threshold here
 * was calibrated on labelled data (see each constant) so that "auto" deconvolves only blur it
 * measured clearly and leaves sharp images alone.
 */
final class ClassicalDeblur {

  /**
   * "auto" deconvolves straight motion only this clear: sharp Kodak photographs measured at most
   * 0.025, straight motion blurs of 25 px and more from 0.031 up.
   */
  static final double AUTO_MOTION_STRENGTH = 0.035;

  /**
   * …and a straight line shorter than this (px) from {@link #AUTO_SHORT_MOTION_STRENGTH}. A short
   * line leaves few, widely spaced dips in the spectrum, a slow comb that the narrow trend of the
   * fit mostly follows, so its strength reads low: lines of 7–13 px measured at their own length
   * fitted with 0.017–0.057, lines of 14–30 px 0.037–0.15. The spurious fits that the stricter bar
   * keeps out all came at 18 px or more (camera shakes 18–73 px, sharp photographs 39–70 px).
   */
  static final double AUTO_SHORT_MOTION_LENGTH = 14;

  /**
   * Above the motion fits of defocus disks (at most 0.017 on the 24 disk-blurred Kodak
   * photographs), with a margin.
   */
  static final double AUTO_SHORT_MOTION_STRENGTH = 0.025;

  /**
   * …and deconvolves motion or defocus only where the image is also measurably unsharp: text lines
   * and strong parallel structures fit the motion comb too (the sample collection's text.png and
   * rocket.png do), but are sharp. Sharp Kodak photographs measured at least 0.0037 and a sharp
   * GoPro video frame 0.0023; 0.002 stays under both. The price: blurred photographs reach 0.0048
   * with one level of noise, and a finely textured one behind a short line (kodim13, 10 px: 0.0029)
   * is left alone.
   */
  static final double AUTO_MAX_SHARPNESS = 0.002;

  /**
   * "auto" deconvolves a defocus disk only where the ring comb fits this well for its radius
   * (strength ≥ this × radius): a true disk's rings are clear, where a camera shake or a straight
   * motion leaves a weak, spurious fit at a radius that would ruin the image (deconvolving the KAIR
   * camera-shake blurs with it lost up to 14.8 dB). Measured ratios: disks of 2.5–8 px on Kodak24
   * at least 0.0030 with one level of noise (from 0.0024 with three, where half fall below); camera
   * shakes at most 0.0016, and straight motion too weak for its own deconvolution as well (clear
   * straight motion reaches 0.0021, but its line is deconvolved first); 0.0022 lies between.
   */
  static final double AUTO_DEFOCUS_STRENGTH_PER_PIXEL = 0.0022;

  /** The largest radius "auto" deconvolves: calibrated on disks up to 8 px, with a margin. */
  static final double AUTO_MAX_DEFOCUS_RADIUS = 10;

  /**
   * The hyper-Laplacian prior's weight per level of measured noise σ, from {@link
   * #PRIOR_NOISE_FLOOR_LEVELS} up. Measured on four Kodak photographs behind straight motion of 15
   * and 25 px and disks of 4 and 6.5 px with the true PSF, at 0, 1 and 3 levels of added noise
   * (which the assessment measures as 0.1–0.2, 0.6 and 1.7 levels): it gained 0.8–1.1 dB more than
   * Wiener at the NSR this pipeline used before (0.03 × σ², σ at least 1) on average at each noise
   * level, and at worst 0.28 dB less on one photograph; 2·10⁻⁴ whatever the noise lost up to 0.75
   * dB to Wiener on noise-free images and smoothed too much at 3 levels.
   */
  static final double PRIOR_WEIGHT_PER_LEVEL = 3e-4;

  /**
   * Below a third of a level the measured noise is 8-bit rounding and fine texture, not noise: with
   * a floor of a quarter level the same calibration lost up to 0.75 dB to Wiener on noise-free
   * images, with a third at most 0.28 dB.
   */
  static final double PRIOR_NOISE_FLOOR_LEVELS = 1.0 / 3;

  /**
   * A measured PSF is a straight-line model of what may be a curved shake; regularising three times
   * harder trades a little sharpness for far weaker ghosts (seen on the sample collection's
   * clock_motion.png).
   */
  static final double MEASURED_PSF_REGULARISATION = 3;

  static final double DEFAULT_STRENGTH = 0.7;

  /**
   * A deconvolution to run: its PSF, the hyper-Laplacian prior's weight, the blend toward the
   * result, and the parameters its step record names, in the order it names them.
   */
  record Plan(
      PointSpreadFunction psf,
      double priorWeight,
      double strength,
      Map<String, Object> parameters) {}

  private ClassicalDeblur() {}

  /** The deconvolution the settings ask for on this image, or none. */
  static Optional<Plan> plan(Assessment a, RestorationSettings.Deblur s) {
    Map<String, Object> parameters = new LinkedHashMap<>();
    PointSpreadFunction psf;
    switch (s.mode()) {
      case "motion" -> {
        psf = PointSpreadFunction.motion(s.length(), s.angle());
        parameters.put("psf", "motion");
        parameters.put("length", s.length());
        parameters.put("angle", s.angle());
      }
      case "defocus" -> {
        psf = PointSpreadFunction.disk(s.radius());
        parameters.put("psf", "disk");
        parameters.put("radius", s.radius());
      }
      case "auto" -> {
        if (isMeasuredStraightMotion(a)) {
          psf = PointSpreadFunction.motion(a.motion().lengthPixels(), a.motion().angleDegrees());
          parameters.put("psf", "motion (measured)");
          parameters.put("length", a.motion().lengthPixels());
          parameters.put("angle", a.motion().angleDegrees());
          parameters.put("motionStrength", a.motion().strength());
        } else if (isMeasuredDisk(a)) {
          psf = PointSpreadFunction.disk(a.defocus().radiusPixels());
          parameters.put("psf", "disk (measured)");
          parameters.put("radius", a.defocus().radiusPixels());
          parameters.put("defocusStrength", a.defocus().strength());
        } else {
          return Optional.empty();
        }
      }
      default -> {
        return Optional.empty();
      }
    }
    double levels = Math.max(PRIOR_NOISE_FLOOR_LEVELS, a.noiseLevels());
    // a measured disk is the PSF itself; a measured straight line only approximates the shake
    double uncertainty =
        "motion (measured)".equals(parameters.get("psf")) ? MEASURED_PSF_REGULARISATION : 1;
    double weight =
        s.priorWeight() != null ? s.priorWeight() : uncertainty * PRIOR_WEIGHT_PER_LEVEL * levels;
    double strength = s.strengthOr(DEFAULT_STRENGTH);
    parameters.put("priorWeight", weight);
    parameters.put("priorExponent", "2/3");
    parameters.put("strength", strength);
    return Optional.of(new Plan(psf, weight, strength, parameters));
  }

  /** Whether "auto" deconvolves with the straight line the assessment measured. */
  private static boolean isMeasuredStraightMotion(Assessment a) {
    double bar =
        a.motion().lengthPixels() < AUTO_SHORT_MOTION_LENGTH
            ? AUTO_SHORT_MOTION_STRENGTH
            : AUTO_MOTION_STRENGTH;
    return a.sharpness() < AUTO_MAX_SHARPNESS && a.motion().strength() >= bar;
  }

  /** Whether "auto" deconvolves with the disk the assessment measured. */
  static boolean isMeasuredDisk(Assessment a) {
    DefocusEstimate d = a.defocus();
    return a.sharpness() < AUTO_MAX_SHARPNESS
        && !isMeasuredStraightMotion(a)
        && d.radiusPixels() <= AUTO_MAX_DEFOCUS_RADIUS
        && d.strength() >= AUTO_DEFOCUS_STRENGTH_PER_PIXEL * d.radiusPixels();
  }
}
