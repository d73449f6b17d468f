package org.refocus.models.pipeline;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.refocus.models.assess.Assessment;
import org.refocus.models.assess.BlurType;
import org.refocus.models.assess.DefocusEstimate;
import org.refocus.models.image.PlanarImage;
import org.refocus.models.restore.BlindKernelEstimator;
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
   * GoPro video frame 0.0023; 0.002 stays under both. Above it, blurred photographs reach 0.0048
   * with one level of noise (a finely textured one behind a short line, kodim13 behind 10 px,
   * 0.0029): there "auto" asks more of the estimate ({@link #AUTO_BORDERLINE_MAX_SHARPNESS}).
   */
  static final double AUTO_MAX_SHARPNESS = 0.002;

  /**
   * From {@link #AUTO_MAX_SHARPNESS} up to this, "auto" deconvolves an image assessed as motion or
   * defocus blur only with the kernel it estimates (the measured line and disk keep the lower
   * gate), and only where that kernel shows the blur itself: spread ({@link
   * #BORDERLINE_LEAST_SPREAD}) and found again in each half of the image ({@link
   * #BORDERLINE_LEAST_AGREEMENT}). Blurred photographs reach 0.0048 with one level of noise, and
   * kodim08 behind KAIR's k10 measures 0.00216 (its estimate gains 5.8 dB in the conservative
   * preset); but sharp photographs are assessed as motion or defocus here too: of all in
   * ../shared/data, the sharp GoPro Istanbul1 frame (0.00228), Set5's bird (0.00258) and baby
   * (0.00279) and skimage's brick wall (0.00272). The sharp Kodak photographs, from 0.0037 up, get
   * a sharp verdict and never reach it.
   */
  static final double AUTO_BORDERLINE_MAX_SHARPNESS = 0.005;

  /**
   * In the borderline band, the least radius of gyration ({@link
   * PointSpreadFunction#gyrationRadius}) of an estimate deconvolved, in pixels. The estimates from
   * the sharp GoPro frame, bird and baby spread 1.0–1.6 px, those from KAIR's real photographs of
   * faces in the band (no ground truth) up to 2.2 px, and blurred GoPro Flower1's (0.00220) 1.4 px,
   * where deconvolving lost 0.5 dB: a kernel that small is not told apart from the photograph's own
   * detail. KAIR's camera shakes k09–k12, estimated on Kodak photographs, spread 4.5–6.8 px; the
   * least spread that passes is kodim13's 10 px line, 3.05 px (+1.5 dB), so a straight line shorter
   * than about 10 px in the band is left alone.
   */
  static final double BORDERLINE_LEAST_SPREAD = 3;

  /**
   * In the borderline band, the least agreement of each half's estimate with the whole image's
   * ({@link BlindKernelEstimator#halvesAgreement}). The brick wall's estimate, 29×5 px and spread
   * 7.7 px, follows its courses: one half of the wall finds no kernel at all. kodim08's halves
   * agree at 0.86 at the least, kodim13's behind a 10 px line (0.0029) at 0.98. A one-sided test:
   * on the Kodak photographs behind k09–k12 below the band, a half with few edges agrees at 0.5 or
   * less, or finds nothing, on three of 11, so a blurred photograph in the band may be left alone
   * for it (bench/RESULTS.md).
   */
  static final double BORDERLINE_LEAST_AGREEMENT = 0.75;

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

  /** See {@link #spectrumScale}. */
  static final double SPECTRUM_SCALE_POWER = 0.75;

  /**
   * The disk's bar grows faster on a smaller square than the lines' (see {@link #spectrumScale}):
   * the ring fit's strength per pixel of radius read, at the most, 0.0047 for camera shakes and at
   * least 0.0083 for disks of 2.5–8 px on 256 px central crops of the Kodak photographs, 0.0097 and
   * 0.0147 at 160 px, 0.0131 and 0.0206 at 128 px (but for one disk at 0.0118), against 0.0016 and
   * 0.0030 on the full 512 px square: with the lines' power ¾ the shakes passed for disks from 256
   * px down and lost up to 2.3 dB. At least 1.29 keeps the shakes under the bar at 128 and 160 px,
   * at most 1.61 keeps those disks over it; 1.45 lies between (bench/RESULTS.md).
   */
  static final double DISK_SPECTRUM_SCALE_POWER = 1.45;

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

  /**
   * An estimated camera shake is regularised as hard as a measured line: on the 20 KAIR
   * camera-shake pairs whose kernel the estimator found, full-strength deconvolution gained +4.61
   * dB on average with three times the prior, +4.52 dB with once.
   */
  static final double ESTIMATED_PSF_REGULARISATION = 3;

  /**
   * A deconvolution with an estimated kernel is thrown away where more than this share of the
   * restored colour samples overshoot the valid range by {@link #OVERSHOOT_MARGIN}: a wrong kernel
   * rings, a right one restores values a camera could have recorded. Measured with the prior and
   * strength "auto" uses, on the 20 Kodak photographs behind KAIR's camera shakes whose kernel the
   * estimator found: the 19 it raised overshot on at most 0.33% of samples (kodim20, +6.3 dB);
   * kodim09's estimate, far from the truth, lost 6.2 dB and overshot on 1.59%. One failure to
   * calibrate on: the bar sits a factor of about 2.2 from either side. (Since the estimator asks
   * for a margin of 1 px instead of 3, kodim09's estimate comes from the smaller square and gains;
   * the 21 raised overshoot on at most 0.24%. The gate stays as the guard on a wrong estimate.)
   */
  static final double AUTO_MAX_OVERSHOOT = 0.007;

  static final double OVERSHOOT_MARGIN = 0.05;

  static final double DEFAULT_STRENGTH = 0.7;

  static final String ESTIMATED_SHAKE = "camera shake (estimated)";

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

  /**
   * What the settings ask of the deblur on one image: a deconvolution, a refusal worth a word in
   * the image's record, or nothing to say (a sharp or enlarged image, or the step turned off).
   */
  sealed interface Decision {
    record Deconvolve(Plan plan) implements Decision {}

    record Decline(String reason) implements Decision {}

    record Leave() implements Decision {}
  }

  /**
   * What to do with this image, and where "auto" leaves an image it assessed as blurred alone, why.
   * Where the verdict is motion or defocus and neither a clear straight line nor a clear disk
   * explains it, "auto" estimates the kernel: a camera shake is often assessed as defocus (two of
   * the 24 Kodak photographs behind KAIR's shakes), and the estimator assumes no shape. An image
   * assessed as enlarged is left to the upscaler (an enlarged one assessed as blurred does reach
   * the estimator: see AutoDeblurLabelledSetTest).
   *
   * @param shake the camera shake's kernel as the image shows it, asked for only where "auto"
   *     estimates (it takes seconds), and its halves only in the borderline band, for a kernel that
   *     spreads enough
   */
  static Decision decide(Assessment a, RestorationSettings.Deblur s, ShakeEvidence shake) {
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
        } else if (!isBlurred(a)) {
          return new Decision.Leave();
        } else if (!(a.sharpness() < AUTO_BORDERLINE_MAX_SHARPNESS)) {
          return new Decision.Decline(
              String.format(
                  Locale.ROOT,
                  "%s blur assessed at sharpness %.5f; automatic deconvolution acts only below %s",
                  blurName(a),
                  a.sharpness(),
                  AUTO_BORDERLINE_MAX_SHARPNESS));
        } else {
          Optional<BlindKernelEstimator.Estimate> estimate = shake.estimate();
          if (estimate.isEmpty()) {
            return new Decision.Decline(noKernelReason(a));
          }
          BlindKernelEstimator.Estimate e = estimate.get();
          psf = e.psf();
          parameters.put("psf", ESTIMATED_SHAKE);
          parameters.put("estimator", BlindKernelEstimator.VERSION);
          parameters.put("kernelSide", e.side());
          parameters.put("kernelMargin", e.margin());
          parameters.put("kernelCut", e.cut());
          int[] extent = psf.supportExtent();
          parameters.put("extent", extent[0] + "×" + extent[1]);
          if (!(a.sharpness() < AUTO_MAX_SHARPNESS)) {
            Optional<String> doubt = borderlineDoubt(a, e, shake, parameters);
            if (doubt.isPresent()) {
              return new Decision.Decline(doubt.get());
            }
          }
        }
      }
      default -> {
        return new Decision.Leave();
      }
    }
    double levels = Math.max(PRIOR_NOISE_FLOOR_LEVELS, a.noiseLevels());
    // a measured disk is the PSF itself; a measured straight line only approximates the shake
    double uncertainty =
        switch ((String) parameters.get("psf")) {
          case "motion (measured)" -> MEASURED_PSF_REGULARISATION;
          case ESTIMATED_SHAKE -> ESTIMATED_PSF_REGULARISATION;
          default -> 1;
        };
    double weight =
        s.priorWeight() != null ? s.priorWeight() : uncertainty * PRIOR_WEIGHT_PER_LEVEL * levels;
    double strength = s.strengthOr(DEFAULT_STRENGTH);
    parameters.put("priorWeight", weight);
    parameters.put("priorExponent", "2/3");
    parameters.put("strength", strength);
    return new Decision.Deconvolve(new Plan(psf, weight, strength, parameters));
  }

  /**
   * Why an estimate from an image in the borderline band (see {@link
   * #AUTO_BORDERLINE_MAX_SHARPNESS}) does not show blur, or empty where it does; the measures it
   * passed go into the step's parameters.
   */
  private static Optional<String> borderlineDoubt(
      Assessment a,
      BlindKernelEstimator.Estimate e,
      ShakeEvidence shake,
      Map<String, Object> parameters) {
    PointSpreadFunction psf = e.psf();
    String assessed =
        String.format(
            Locale.ROOT,
            "%s blur assessed at sharpness %.5f, where sharp photographs are measured too,",
            blurName(a),
            a.sharpness());
    double spread = psf.gyrationRadius();
    if (spread < BORDERLINE_LEAST_SPREAD) {
      return Optional.of(
          String.format(
              Locale.ROOT,
              "%s and the kernel estimated from it (%s px) spreads %.2f px from its centre, too"
                  + " little to tell from the photograph's own detail (at least %s px asked there)",
              assessed,
              parameters.get("extent"),
              spread,
              BORDERLINE_LEAST_SPREAD));
    }
    if (!BlindKernelEstimator.halvesCanReproduce(a.width(), a.height(), e)) {
      return Optional.of(
          String.format(
              Locale.ROOT,
              "%s and the kernel estimated from it (%s px, in a %d px square%s) cannot be sought"
                  + " again in each half of the image: the halves are too small for that",
              assessed,
              parameters.get("extent"),
              e.side(),
              e.cut() == BlindKernelEstimator.TAIL_CUT ? ", its faint tails cut" : ""));
    }
    double agreement = shake.halvesAgreement(psf, BORDERLINE_LEAST_AGREEMENT);
    if (agreement < BORDERLINE_LEAST_AGREEMENT) {
      return Optional.of(
          String.format(
              Locale.ROOT,
              "%s and the kernel estimated from it (%s px) is not found again in both halves of"
                  + " the image (agreement %.2f, at least %s asked there)",
              assessed,
              parameters.get("extent"),
              agreement,
              BORDERLINE_LEAST_AGREEMENT));
    }
    parameters.put("spread", spread);
    parameters.put("halvesAgreement", agreement);
    return Optional.empty();
  }

  private static String noKernelReason(Assessment a) {
    int largest = BlindKernelEstimator.largestSide(a.width(), a.height());
    return largest == 0
        ? "the image is too small to estimate the camera shake's kernel from"
        : "no square up to "
            + largest
            + " px held an estimate of the camera shake's kernel clear of its edge"
            + (BlindKernelEstimator.cutsFaintTails(a.width(), a.height())
                ? ", nor one whose faint tails could be cut"
                : "");
  }

  private static String blurName(Assessment a) {
    return a.blur().type().name().toLowerCase(Locale.ROOT);
  }

  /** What becomes of a deconvolution's result: kept with its step record's parameters, or not. */
  sealed interface Outcome {
    record Kept(Map<String, Object> parameters) implements Outcome {}

    record Discarded(String reason) implements Outcome {}
  }

  /**
   * Kept, with the parameters its step record names, unless it is a result with an estimated kernel
   * that overshoots (see {@link #AUTO_MAX_OVERSHOOT}). An estimated kernel's record also names its
   * overshoot.
   */
  static Outcome outcomeOf(Plan plan, PlanarImage input, PlanarImage restored) {
    if (!ESTIMATED_SHAKE.equals(plan.parameters().get("psf"))) {
      return new Outcome.Kept(plan.parameters());
    }
    // counted beyond what the input already held (a float or HDR source may lie outside 0..1)
    double overshoot = Math.max(0, overshoot(restored) - overshoot(input));
    if (overshoot > AUTO_MAX_OVERSHOOT) {
      return new Outcome.Discarded(
          String.format(
              Locale.ROOT,
              "the result with the estimated %s px kernel overshoots on %.2f%% of samples, above"
                  + " the %.1f%% allowed",
              plan.parameters().get("extent"),
              100 * overshoot,
              100 * AUTO_MAX_OVERSHOOT));
    }
    Map<String, Object> parameters = new LinkedHashMap<>(plan.parameters());
    parameters.put("overshoot", overshoot);
    return new Outcome.Kept(parameters);
  }

  /** The share of colour samples outside −margin..1 + margin. */
  static double overshoot(PlanarImage image) {
    long outside = 0;
    for (int c = 0; c < image.colourChannels(); c++) {
      for (float v : image.plane(c)) {
        outside += v < -OVERSHOOT_MARGIN || v > 1 + OVERSHOOT_MARGIN ? 1 : 0;
      }
    }
    return (double) outside / ((long) image.colourChannels() * image.pixelCount());
  }

  /** Whether "auto" deconvolves with the straight line the assessment measured. */
  private static boolean isMeasuredStraightMotion(Assessment a) {
    double bar =
        a.motion().lengthPixels() < AUTO_SHORT_MOTION_LENGTH
            ? AUTO_SHORT_MOTION_STRENGTH
            : AUTO_MOTION_STRENGTH;
    return a.sharpness() < AUTO_MAX_SHARPNESS
        && a.motion().strength() >= bar * spectrumScale(a, SPECTRUM_SCALE_POWER);
  }

  /**
   * How much higher a fit's strength reads on this image's spectrum than on the full 512 px square
   * the bars were calibrated on: a smaller square's projections average fewer samples, and spurious
   * and true fits alike read stronger. On central crops of 12 Kodak photographs (2026-12-05) camera
   * shakes' motion fits reached 0.021 at 512 px and 0.054 at 256 px, straight lines' started at
   * 0.039 and 0.093; with the bars unscaled, the straight line deconvolved 44 of 48 shake-blurred
   * 256 px crops and lowered 27 of them. The lines' bars grow as the side's ratio to the power 3/4:
   * at least 0.63 keeps those shakes under the line's bar at 256 px, at most 0.97 keeps the sample
   * collection's real camera shake (clock_motion.png, 400×300, a 35 px line at 0.059, cleanly
   * deconvolved as one) over it (bench/RESULTS.md). The disk's grows faster ({@link
   * #DISK_SPECTRUM_SCALE_POWER}).
   */
  private static double spectrumScale(Assessment a, double power) {
    return Math.pow((double) Assessment.FULL_SPECTRUM_SIDE / a.spectrumSide(), power);
  }

  private static boolean isBlurred(Assessment a) {
    return a.blur().type() == BlurType.MOTION || a.blur().type() == BlurType.DEFOCUS;
  }

  /** Whether "auto" deconvolves with the disk the assessment measured. */
  static boolean isMeasuredDisk(Assessment a) {
    DefocusEstimate d = a.defocus();
    return a.sharpness() < AUTO_MAX_SHARPNESS
        && !isMeasuredStraightMotion(a)
        && d.radiusPixels() <= AUTO_MAX_DEFOCUS_RADIUS
        && d.strength()
            >= AUTO_DEFOCUS_STRENGTH_PER_PIXEL
                * d.radiusPixels()
                * spectrumScale(a, DISK_SPECTRUM_SCALE_POWER);
  }
}
