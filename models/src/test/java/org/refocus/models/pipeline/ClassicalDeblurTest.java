package org.refocus.models.pipeline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.refocus.models.assess.Assessment;
import org.refocus.models.assess.BlurType;
import org.refocus.models.assess.BlurVerdict;
import org.refocus.models.assess.DefocusEstimate;
import org.refocus.models.assess.MotionEstimate;
import org.refocus.models.image.PlanarImage;
import org.refocus.models.restore.BlindKernelEstimator;
import org.refocus.models.restore.PointSpreadFunction;

/** The classical deblur's decision, on assessments written out by hand. */
class ClassicalDeblurTest {

  /** What the estimator would find: this estimate, or none, and each half's agreement with it. */
  private static ShakeEvidence shake(
      Optional<BlindKernelEstimator.Estimate> estimate, double halvesAgreement) {
    return new ShakeEvidence() {
      @Override
      public Optional<BlindKernelEstimator.Estimate> estimate() {
        return estimate;
      }

      @Override
      public double halvesAgreement(PointSpreadFunction kernel, double enough) {
        assertThat(kernel).isSameAs(estimate.orElseThrow().psf());
        assertThat(enough).isEqualTo(ClassicalDeblur.BORDERLINE_LEAST_AGREEMENT);
        return halvesAgreement;
      }
    };
  }

  private static ShakeEvidence found(BlindKernelEstimator.Estimate estimate) {
    return shake(Optional.of(estimate), 1);
  }

  /** Evidence that finds this estimate and must not be asked for the halves'. */
  private static ShakeEvidence halvesMustNotRun(BlindKernelEstimator.Estimate estimate) {
    return new ShakeEvidence() {
      @Override
      public Optional<BlindKernelEstimator.Estimate> estimate() {
        return Optional.of(estimate);
      }

      @Override
      public double halvesAgreement(PointSpreadFunction kernel, double enough) {
        throw new AssertionError("the halves were estimated");
      }
    };
  }

  /** The estimator where it finds no kernel that fits. */
  private static final ShakeEvidence NO_SHAKE = shake(Optional.empty(), 0);

  /** Evidence that must not be asked for. */
  private static final ShakeEvidence MUST_NOT_RUN =
      new ShakeEvidence() {
        @Override
        public Optional<BlindKernelEstimator.Estimate> estimate() {
          throw new AssertionError("the estimator ran");
        }

        @Override
        public double halvesAgreement(PointSpreadFunction kernel, double enough) {
          throw new AssertionError("the halves were estimated");
        }
      };

  private static final RestorationSettings.Deblur AUTO =
      new RestorationSettings.Deblur("auto", null, null, null, null, null);

  private static Assessment assessed(
      double sharpness, double noiseLevels, MotionEstimate motion, DefocusEstimate defocus) {
    return assessed(sharpness, noiseLevels, motion, defocus, BlurType.MOTION);
  }

  private static Assessment assessed(
      double sharpness,
      double noiseLevels,
      MotionEstimate motion,
      DefocusEstimate defocus,
      BlurType verdict) {
    return new Assessment(
        768,
        512,
        sharpness,
        noiseLevels / 255,
        1.0,
        motion,
        defocus,
        new BlurVerdict(verdict, 0.9, 0, 0, 0),
        null);
  }

  private static final MotionEstimate CLEAR_LINE = new MotionEstimate(30, 20, 0.08);
  private static final MotionEstimate NO_LINE = new MotionEstimate(30, 20, 0.02);
  private static final DefocusEstimate CLEAR_DISK = new DefocusEstimate(5, 0.02);
  private static final DefocusEstimate WEAK_DISK = new DefocusEstimate(5, 0.005);

  @Test
  void autoDeconvolvesAClearStraightLineInAnUnsharpImage() {
    var plan = plan(assessed(0.0005, 2, CLEAR_LINE, CLEAR_DISK), AUTO, NO_SHAKE).orElseThrow();

    assertThat(plan.parameters())
        .containsEntry("psf", "motion (measured)")
        .containsEntry("length", 20.0)
        .containsEntry("angle", 30.0);
    // a measured line is regularised three times harder, per level of measured noise
    assertThat(plan.priorWeight()).isCloseTo(3 * 3e-4 * 2, within(1e-12));
    assertThat(plan.strength()).isEqualTo(ClassicalDeblur.DEFAULT_STRENGTH);
    assertThat(plan.parameters().keySet()).endsWith("priorWeight", "priorExponent", "strength");
  }

  @Test
  void autoDeconvolvesAClearDiskWhereNoLineFits() {
    var plan = plan(assessed(0.0005, 0.1, NO_LINE, CLEAR_DISK), AUTO, NO_SHAKE).orElseThrow();

    assertThat(plan.parameters())
        .containsEntry("psf", "disk (measured)")
        .containsEntry("radius", 5.0);
    // below a third of a level the measured "noise" is rounding: the floor holds
    assertThat(plan.priorWeight()).isCloseTo(3e-4 / 3, within(1e-12));
    assertThat(ClassicalDeblur.isMeasuredDisk(assessed(0.0005, 0.1, NO_LINE, CLEAR_DISK))).isTrue();
  }

  @Test
  void aShortLineNeedsALowerFitThanALongOne() {
    var shortLine = new MotionEstimate(107, 11, 0.03);
    var longLine = new MotionEstimate(107, 20, 0.03);

    var plan = plan(assessed(0.0005, 1, shortLine, WEAK_DISK), AUTO, NO_SHAKE).orElseThrow();
    assertThat(plan.parameters()).containsEntry("psf", "motion (measured)");
    assertThat(plan(assessed(0.0005, 1, longLine, WEAK_DISK), AUTO, NO_SHAKE)).isEmpty();
    // below the short line's bar too: the motion fits of defocus disks reach 0.017
    var faint = new MotionEstimate(107, 11, 0.02);
    assertThat(plan(assessed(0.0005, 1, faint, WEAK_DISK), AUTO, NO_SHAKE)).isEmpty();
  }

  @Test
  void autoLeavesSharpImagesAndWeakFitsAlone() {
    // strong structure that fits the comb, but the image is sharp (text, parallel lines)
    assertThat(plan(assessed(0.01, 1, CLEAR_LINE, CLEAR_DISK), AUTO, NO_SHAKE)).isEmpty();
    // unsharp, but neither fit is clear enough to name a PSF (a camera shake)
    assertThat(plan(assessed(0.0005, 1, NO_LINE, WEAK_DISK), AUTO, NO_SHAKE)).isEmpty();
    // a disk larger than the calibration reached
    var large = new DefocusEstimate(12, 0.1);
    assertThat(plan(assessed(0.0005, 1, NO_LINE, large), AUTO, NO_SHAKE)).isEmpty();
  }

  @Test
  void autoEstimatesACameraShakeWhereMotionBlurFitsNeitherLineNorDisk() {
    PointSpreadFunction shake = PointSpreadFunction.motion(9, 30);
    var estimate = new BlindKernelEstimator.Estimate(shake, 25, 7, 0.05);

    var plan = plan(assessed(0.0005, 2, NO_LINE, WEAK_DISK), AUTO, found(estimate)).orElseThrow();

    assertThat(plan.psf()).isSameAs(shake);
    assertThat(plan.parameters())
        .containsEntry("psf", "camera shake (estimated)")
        .containsEntry("estimator", BlindKernelEstimator.VERSION)
        .containsEntry("kernelSide", 25)
        .containsEntry("kernelMargin", 7)
        .containsEntry("kernelCut", 0.05)
        .containsEntry("extent", shake.supportExtent()[0] + "×" + shake.supportExtent()[1]);
    assertThat(plan.priorWeight())
        .isCloseTo(ClassicalDeblur.ESTIMATED_PSF_REGULARISATION * 3e-4 * 2, within(1e-12));
    assertThat(plan.parameters().keySet()).endsWith("priorWeight", "priorExponent", "strength");
    // nothing fits: nothing done
    assertThat(plan(assessed(0.0005, 2, NO_LINE, WEAK_DISK), AUTO, NO_SHAKE)).isEmpty();
  }

  /** A gray 100×100 image with {@code outside} samples at 1.2, the rest at 0.5. */
  private static PlanarImage withOvershoot(int outside) {
    float[] gray = new float[100 * 100];
    Arrays.fill(gray, 0.5f);
    Arrays.fill(gray, 0, outside, 1.2f);
    return PlanarImage.gray(100, 100, gray);
  }

  @Test
  void aDeconvolutionWithAnEstimatedKernelThatOvershootsIsThrownAway() {
    var estimate =
        new BlindKernelEstimator.Estimate(PointSpreadFunction.motion(9, 30), 25, 7, 0.05);
    var plan = plan(assessed(0.0005, 2, NO_LINE, WEAK_DISK), AUTO, found(estimate)).orElseThrow();
    PlanarImage input = withOvershoot(0);

    // 0.7% of samples may overshoot, not 0.8%
    assertThat(ClassicalDeblur.outcomeOf(plan, input, withOvershoot(70)))
        .isInstanceOfSatisfying(
            ClassicalDeblur.Outcome.Kept.class,
            kept -> assertThat(kept.parameters()).containsEntry("overshoot", 0.007));
    assertThat(ClassicalDeblur.outcomeOf(plan, input, withOvershoot(80)))
        .isInstanceOfSatisfying(
            ClassicalDeblur.Outcome.Discarded.class,
            discarded ->
                assertThat(discarded.reason())
                    .isEqualTo(
                        "the result with the estimated "
                            + plan.parameters().get("extent")
                            + " px kernel overshoots on 0.80% of samples, above the 0.7% allowed"));
    // what the input already held does not count against the kernel
    assertThat(ClassicalDeblur.outcomeOf(plan, withOvershoot(50), withOvershoot(110)))
        .isInstanceOf(ClassicalDeblur.Outcome.Kept.class);
    // a line or disk the assessment measured is kept whatever the result
    var line = plan(assessed(0.0005, 1, CLEAR_LINE, WEAK_DISK), AUTO, NO_SHAKE).orElseThrow();
    assertThat(ClassicalDeblur.outcomeOf(line, input, withOvershoot(5000)))
        .isEqualTo(new ClassicalDeblur.Outcome.Kept(line.parameters()));
  }

  @Test
  void autoEstimatesNoShakeWhereALineOrDiskExplainsTheBlurOrNoneIsMeasured() {
    assertThat(plan(assessed(0.0005, 1, CLEAR_LINE, WEAK_DISK), AUTO, MUST_NOT_RUN))
        .get()
        .extracting(p -> p.parameters().get("psf"))
        .isEqualTo("motion (measured)");
    assertThat(plan(assessed(0.0005, 1, NO_LINE, CLEAR_DISK), AUTO, MUST_NOT_RUN))
        .get()
        .extracting(p -> p.parameters().get("psf"))
        .isEqualTo("disk (measured)");
    // sharp, or blurred by resampling
    assertThat(plan(assessed(0.01, 1, NO_LINE, WEAK_DISK), AUTO, MUST_NOT_RUN)).isEmpty();
    for (BlurType other : new BlurType[] {BlurType.LOW_RESOLUTION, BlurType.SHARP}) {
      assertThat(plan(assessed(0.0005, 1, NO_LINE, WEAK_DISK, other), AUTO, MUST_NOT_RUN))
          .isEmpty();
    }
  }

  /** The deconvolution "auto" (or the settings) decided on, or none. */
  private static Optional<ClassicalDeblur.Plan> plan(
      Assessment a, RestorationSettings.Deblur s, ShakeEvidence shake) {
    return ClassicalDeblur.decide(a, s, shake) instanceof ClassicalDeblur.Decision.Deconvolve d
        ? Optional.of(d.plan())
        : Optional.empty();
  }

  /** The reason "auto" gives for leaving this image alone, or empty where it says none. */
  private static Optional<String> whyNot(
      Assessment a, RestorationSettings.Deblur s, ShakeEvidence shake) {
    ClassicalDeblur.Decision d = ClassicalDeblur.decide(a, s, shake);
    assertThat(d).isNotInstanceOf(ClassicalDeblur.Decision.Deconvolve.class);
    return d instanceof ClassicalDeblur.Decision.Decline decline
        ? Optional.of(decline.reason())
        : Optional.empty();
  }

  @Test
  void saysWhyAutoLeftAnImageAssessedAsBlurredAlone() {
    assertThat(whyNot(assessed(0.0055, 1, NO_LINE, WEAK_DISK), AUTO, MUST_NOT_RUN))
        .contains(
            "motion blur assessed at sharpness 0.00550; automatic deconvolution acts only below"
                + " 0.005");
    // the bar itself is not below it
    assertThat(whyNot(assessed(0.005, 1, NO_LINE, WEAK_DISK, BlurType.DEFOCUS), AUTO, MUST_NOT_RUN))
        .hasValueSatisfying(r -> assertThat(r).startsWith("defocus blur assessed at sharpness"));
    assertThat(whyNot(assessed(0.0005, 1, NO_LINE, WEAK_DISK), AUTO, NO_SHAKE))
        .contains(
            "no square up to 101 px held an estimate of the camera shake's kernel clear of"
                + " its edge, nor one whose faint tails could be cut");
    // a 300 px photograph is estimated in squares up to 75 px, one under 100 px in none; the
    // faint tails are cut from 300 px up
    Assessment a = assessed(0.0005, 1, NO_LINE, WEAK_DISK);
    assertThat(whyNot(resized(a, 400, 300), AUTO, NO_SHAKE))
        .contains(
            "no square up to 75 px held an estimate of the camera shake's kernel clear of its"
                + " edge, nor one whose faint tails could be cut");
    assertThat(whyNot(resized(a, 400, 299), AUTO, NO_SHAKE))
        .contains(
            "no square up to 51 px held an estimate of the camera shake's kernel clear of its"
                + " edge");
    assertThat(whyNot(resized(a, 90, 300), AUTO, NO_SHAKE))
        .contains("the image is too small to estimate the camera shake's kernel from");
    // a sharp or enlarged image needs no word, nor does a step the settings turned off
    for (BlurType other : new BlurType[] {BlurType.LOW_RESOLUTION, BlurType.SHARP}) {
      assertThat(whyNot(assessed(0.0022, 1, NO_LINE, WEAK_DISK, other), AUTO, MUST_NOT_RUN))
          .isEmpty();
    }
    assertThat(
            whyNot(
                assessed(0.0022, 1, NO_LINE, WEAK_DISK),
                RestorationSettings.Deblur.OFF,
                MUST_NOT_RUN))
        .isEmpty();
  }

  /**
   * Between the sharpness gate and the borderline band's top, where sharp photographs are assessed
   * as blurred too, an estimate is deconvolved only where it spreads at least 3 px and each half of
   * the image finds it again; below the gate any estimate is, and the halves are not asked.
   */
  @Test
  void autoDeconvolvesABorderlineImageOnlyWithASpreadKernelBothHalvesReproduce() {
    // a 15 px line spreads 15/√12 ≈ 4.3 px, a 9 px one ≈ 2.6 px
    var spread = new BlindKernelEstimator.Estimate(PointSpreadFunction.motion(15, 30), 25, 4, 0.05);
    var compact = new BlindKernelEstimator.Estimate(PointSpreadFunction.motion(9, 30), 25, 7, 0.05);
    Assessment borderline = assessed(0.0025, 1, NO_LINE, WEAK_DISK);

    var plan = plan(borderline, AUTO, shake(Optional.of(spread), 0.75)).orElseThrow();
    assertThat(plan.psf()).isSameAs(spread.psf());
    assertThat(plan.parameters())
        .containsEntry("psf", ClassicalDeblur.ESTIMATED_SHAKE)
        .containsEntry("spread", spread.psf().gyrationRadius())
        .containsEntry("halvesAgreement", 0.75);

    assertThat(whyNot(borderline, AUTO, shake(Optional.of(spread), 0.74)))
        .contains(
            "motion blur assessed at sharpness 0.00250, where sharp photographs are measured"
                + " too, and the kernel estimated from it (15×9 px) is not found again in both"
                + " halves of the image (agreement 0.74, at least 0.75 asked there)");
    // a kernel too compact is refused before the halves are estimated
    assertThat(whyNot(borderline, AUTO, halvesMustNotRun(compact)))
        .hasValueSatisfying(
            r ->
                assertThat(r)
                    .endsWith(
                        String.format(
                            Locale.ROOT,
                            "(9×7 px) spreads %.2f px from its centre, too little to tell from the"
                                + " photograph's own detail (at least 3.0 px asked there)",
                            compact.psf().gyrationRadius())));
    // the gate itself is in the band
    assertThat(whyNot(assessed(0.002, 1, NO_LINE, WEAK_DISK), AUTO, shake(Optional.of(spread), 0)))
        .hasValueSatisfying(r -> assertThat(r).contains("is not found again in both halves"));
    // in the band, no estimate is said as below it
    assertThat(whyNot(borderline, AUTO, NO_SHAKE))
        .hasValueSatisfying(r -> assertThat(r).startsWith("no square up to 101 px"));
    // halves too small for the square the estimate came from are not asked
    var large = new BlindKernelEstimator.Estimate(PointSpreadFunction.motion(15, 30), 101, 4, 0.05);
    assertThat(whyNot(borderline, AUTO, halvesMustNotRun(large)))
        .hasValueSatisfying(
            r ->
                assertThat(r)
                    .endsWith(
                        "(15×9 px, in a 101 px square) cannot be sought again in each half of the"
                            + " image: the halves are too small for that"));
    // below the gate: any estimate, and no halves
    assertThat(plan(assessed(0.0019, 1, NO_LINE, WEAK_DISK), AUTO, halvesMustNotRun(compact)))
        .get()
        .satisfies(p -> assertThat(p.parameters()).doesNotContainKeys("spread", "halvesAgreement"));
  }

  /**
   * A fit reads stronger on a smaller spectrum square, so the bars rise with it: a strength that is
   * a clear line on a 768×512 photograph (a 512 px square) is not one on a 256 px image.
   */
  @Test
  void autoAsksAStrongerFitOfASmallerImage() {
    var line = new MotionEstimate(30, 20, 0.05);
    Assessment full = assessed(0.0005, 1, line, WEAK_DISK);
    assertThat(plan(full, AUTO, NO_SHAKE))
        .hasValueSatisfying(
            p -> assertThat(p.parameters()).containsEntry("psf", "motion (measured)"));
    // 0.035 × 2^¾ = 0.059 at 256 px
    assertThat(plan(resized(full, 256, 256), AUTO, NO_SHAKE)).isEmpty();
    // the disk's bar rises faster: 0.02 clears 5 px × 0.0022 at 512 px, not 2^1.45 times that
    // (0.030) at 256 px, which 2^¾ times (0.019) it would
    Assessment disk = assessed(0.0005, 1, NO_LINE, CLEAR_DISK);
    assertThat(plan(disk, AUTO, NO_SHAKE)).isPresent();
    assertThat(plan(resized(disk, 256, 300), AUTO, NO_SHAKE)).isEmpty();
    Assessment clearer = assessed(0.0005, 1, NO_LINE, new DefocusEstimate(5, 0.035));
    assertThat(plan(resized(clearer, 256, 300), AUTO, NO_SHAKE))
        .hasValueSatisfying(
            p -> assertThat(p.parameters()).containsEntry("psf", "disk (measured)"));
  }

  private static Assessment resized(Assessment a, int width, int height) {
    return new Assessment(
        width,
        height,
        a.sharpness(),
        a.noiseSigma(),
        a.blockiness(),
        a.motion(),
        a.defocus(),
        a.blur(),
        a.jpeg());
  }

  @Test
  void explicitSettingsNameThePsfWhateverTheAssessment() {
    var motion = new RestorationSettings.Deblur("motion", 15.0, 45.0, null, 1.0, 2e-4);
    var plan = plan(assessed(0.01, 1, NO_LINE, WEAK_DISK), motion, NO_SHAKE).orElseThrow();

    assertThat(plan.parameters()).containsEntry("psf", "motion").containsEntry("length", 15.0);
    assertThat(plan.priorWeight()).isEqualTo(2e-4);
    assertThat(plan.strength()).isEqualTo(1.0);
    assertThat(
            plan(
                assessed(0.0005, 1, CLEAR_LINE, CLEAR_DISK),
                RestorationSettings.Deblur.OFF,
                NO_SHAKE))
        .isEmpty();
  }
}
