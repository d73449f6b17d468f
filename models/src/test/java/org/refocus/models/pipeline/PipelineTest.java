package org.refocus.models.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.refocus.models.SharedData;
import org.refocus.models.image.PlanarImage;
import org.refocus.models.io.ImageDecoder;
import org.refocus.models.quality.QualityMetrics;
import org.refocus.models.restore.BlindKernelEstimator;
import org.refocus.models.restore.Degradations;
import org.refocus.models.restore.PointSpreadFunction;

class PipelineTest {

  private static final Path KODAK = SharedData.path("Kodak24");

  private final ImageDecoder decoder = new ImageDecoder();
  private final Pipeline pipeline = new Pipeline();

  @Test
  void runsDeblurThenDenoiseThenUpscaleAndRecordsEachStep() throws Exception {
    PlanarImage image = decoder.decode(KODAK.resolve("kodim03.png")).pixels();
    RestorationSettings settings =
        new RestorationSettings(
            new RestorationSettings.Deblur("motion", 9.0, 30.0, null, 0.5, null),
            new RestorationSettings.Denoise("on", null, 0.5),
            new RestorationSettings.Upscale(2, "lanczos"));

    PipelineResult result = pipeline.run(image, settings);

    assertThat(result.steps())
        .extracting(StepRecord::step)
        .containsExactly("deblur", "denoise", "upscale");
    assertThat(result.steps())
        .extracting(StepRecord::operator)
        .containsExactly("hyper-laplacian-deconvolution", "non-local-means", "lanczos4");
    assertThat(result.steps().get(0).parameters())
        .containsEntry("length", 9.0)
        .containsEntry("angle", 30.0)
        .containsEntry("strength", 0.5);
    assertThat(result.steps()).allSatisfy(s -> assertThat(s.engine()).startsWith("opencv 4.9"));
    assertThat(result.image().width()).isEqualTo(2 * image.width());
  }

  @Test
  void theSameInputAndSettingsGiveTheSameBits() throws Exception {
    PlanarImage image = decoder.decode(KODAK.resolve("kodim05.png")).pixels();
    RestorationSettings settings =
        new RestorationSettings(
            new RestorationSettings.Deblur("defocus", null, null, 3.0, 0.6, null),
            new RestorationSettings.Denoise("on", null, 0.8),
            RestorationSettings.Upscale.NONE);

    PlanarImage once = pipeline.run(image, settings).image();
    PlanarImage twice = pipeline.run(image, settings).image();

    assertThat(once).isEqualTo(twice);
  }

  @Test
  void theConservativePresetDeblocksAJpegBeforeAnythingElse() throws Exception {
    PlanarImage original = decoder.decode(KODAK.resolve("kodim07.png")).pixels();
    PlanarImage jpeg = Degradations.jpeg(original, 0.3f);

    PipelineResult result = pipeline.run(jpeg, Presets.load(Presets.DEFAULT));

    assertThat(result.steps()).isNotEmpty();
    StepRecord deblock = result.steps().get(0);
    assertThat(deblock.step()).isEqualTo("deblock");
    assertThat(deblock.parameters())
        .containsEntry("quantiser", "measured")
        .containsEntry("nearestQuality", 30);
    assertThat(QualityMetrics.psnr(original, result.image(), 0))
        .isGreaterThan(QualityMetrics.psnr(original, jpeg, 0) + 0.3);
  }

  @Test
  void theConservativePresetLeavesSharpPhotographsAlone() throws Exception {
    RestorationSettings conservative = Presets.load(Presets.DEFAULT);
    List<Path> sharpImages = new ArrayList<>();
    for (int i = 1; i <= 24; i++) {
      sharpImages.add(KODAK.resolve(String.format("kodim%02d.png", i)));
    }
    sharpImages.add(SharedData.path("GoPro_samples", "sharp", "Flower1.png"));
    sharpImages.add(SharedData.path("GoPro_samples", "sharp", "Istanbul1.png"));
    for (Path file : sharpImages) {
      PlanarImage sharp = decoder.decode(file).pixels();

      PipelineResult result = pipeline.run(sharp, conservative);

      // untouched is the only way to lose nothing (and so less than 0.1 dB) on a sharp original
      assertThat(result.steps()).as(file.toString()).isEmpty();
      assertThat(QualityMetrics.psnr(sharp, result.image(), 0)).isInfinite();
    }
  }

  /**
   * Small images too: on 128 px central crops of the Kodak photographs the spectrum's fits read
   * about four times stronger than on the full frames, and before the bars were scaled to the
   * spectrum's size two sharp crops (of 24) were deconvolved with a spurious line.
   */
  @Test
  void theConservativePresetLeavesSmallSharpCropsAlone() throws Exception {
    RestorationSettings conservative = Presets.load(Presets.DEFAULT);
    for (int i = 1; i <= 24; i++) {
      String name = String.format("kodim%02d.png", i);
      PlanarImage photo = decoder.decode(KODAK.resolve(name)).pixels();
      PlanarImage crop =
          photo.colourRegion((photo.width() - 128) / 2, (photo.height() - 128) / 2, 128, 128);

      PipelineResult result = pipeline.run(crop, conservative);

      assertThat(result.steps()).as(name).extracting(StepRecord::step).doesNotContain("deblur");
    }
  }

  /**
   * The sample collection's real camera shake (400×300) is a clear 35 px line: its fit must stay
   * over the line's bar as that bar grows for the smaller spectrum square.
   */
  @Test
  void theConservativePresetDeconvolvesTheSampleShakeAsTheLineItMeasured() throws Exception {
    PlanarImage clock = decoder.decode(Path.of("..", "samples", "clock_motion.png")).pixels();

    PipelineResult result = pipeline.run(clock, Presets.load(Presets.DEFAULT));

    assertThat(result.steps())
        .singleElement()
        .satisfies(s -> assertThat(s.parameters()).containsEntry("psf", "motion (measured)"));
  }

  /**
   * A blurred image left alone is not silently untouched: the result says which step was declined
   * and by which measurement, for the audit and the reviewer.
   */
  @Test
  void saysWhyTheConservativePresetLeavesABlurredImageAlone() throws Exception {
    RestorationSettings conservative = Presets.load(Presets.DEFAULT);
    // a real blurred video frame whose texture keeps it above the sharpness gate, in the band
    // where the estimate must show the blur itself: its kernel is too compact for that (and
    // deconvolving with it lost 0.5 dB)
    PlanarImage frame =
        decoder.decode(SharedData.path("GoPro_samples", "blur", "Flower1.png")).pixels();

    PipelineResult aboveGate = pipeline.run(frame, conservative);

    assertThat(aboveGate.steps()).isEmpty();
    assertThat(aboveGate.declined())
        .singleElement()
        .satisfies(
            d -> {
              assertThat(d.step()).isEqualTo("deblur");
              assertThat(d.reason())
                  .startsWith(
                      "motion blur assessed at sharpness 0.00220, where sharp photographs are"
                          + " measured too, and the kernel estimated from it")
                  .contains("too little to tell from the photograph's own detail");
            });

    // a crop too small for the estimator's smallest square, of a photograph behind a large shake
    PlanarImage sharp = decoder.decode(KODAK.resolve("kodim17.png")).pixels();
    PlanarImage crop =
        capture(sharp, measuredShake("k_large_1.png"))
            .colourRegion(sharp.width() / 2 - 48, sharp.height() / 2 - 48, 96, 96);

    PipelineResult tooSmall = pipeline.run(crop, conservative);

    assertThat(tooSmall.steps()).isEmpty();
    assertThat(tooSmall.declined())
        .containsExactly(
            new DeclinedStep(
                "deblur", "the image is too small to estimate the camera shake's kernel from"));
  }

  /**
   * kodim08 behind KAIR's k10: its fine texture keeps it above the sharpness gate, in the band
   * where sharp photographs are assessed as blurred too, but its estimate spreads 6.1 px and each
   * half of the photograph finds it again (bench/RESULTS.md: +5.8 dB).
   */
  @Test
  void theConservativePresetDeblursABorderlineShakeWhoseKernelBothHalvesReproduce()
      throws Exception {
    ShakenPhotograph run = throughConservative("kodim08.png", "kernels_12/k10.txt");

    assertThat(run.result().assessment().sharpness())
        .isBetween(
            ClassicalDeblur.AUTO_MAX_SHARPNESS, ClassicalDeblur.AUTO_BORDERLINE_MAX_SHARPNESS);
    assertThat(run.deblurParameters())
        .hasEntrySatisfying(
            "spread",
            v -> assertThat((Double) v).isGreaterThan(ClassicalDeblur.BORDERLINE_LEAST_SPREAD))
        .hasEntrySatisfying(
            "halvesAgreement",
            v ->
                assertThat((Double) v)
                    .isGreaterThanOrEqualTo(ClassicalDeblur.BORDERLINE_LEAST_AGREEMENT));
    assertThat(run.gain()).isGreaterThan(3);
  }

  /**
   * A sharp photograph of a brick wall, assessed as defocus in the borderline band: its estimate
   * follows the courses (29×5 px, spread 7.7 px) and would change the photograph by 12 dB, but the
   * halves of the wall do not both find it again.
   */
  @Test
  void theConservativePresetLeavesASharpWallWhoseKernelFollowsItsCourses() throws Exception {
    PlanarImage brick =
        decoder.decode(SharedData.path("skimage_data_PD_CC0", "brick.png")).pixels();

    PipelineResult result = pipeline.run(brick, Presets.load(Presets.DEFAULT));

    assertThat(result.steps()).extracting(StepRecord::step).doesNotContain("deblur");
    assertThat(result.declined())
        .singleElement()
        .satisfies(
            d -> assertThat(d.reason()).contains("is not found again in both halves of the image"));
  }

  /**
   * A Kodak photograph behind one of KAIR's shakes, and what the conservative preset made of it.
   */
  private record ShakenPhotograph(
      PlanarImage sharp, PlanarImage blurred, PointSpreadFunction shake, PipelineResult result) {

    /** PSNR gained on the sharp photograph, leaving out a border as wide as the shake. */
    double gain() {
      return QualityMetrics.psnr(sharp, result.image(), shake.radius())
          - QualityMetrics.psnr(sharp, blurred, shake.radius());
    }

    /** The parameters of the one step, a deblur with an estimated kernel; nothing declined. */
    Map<String, Object> deblurParameters() {
      assertThat(result.declined()).isEmpty();
      assertThat(result.steps()).singleElement().extracting(StepRecord::step).isEqualTo("deblur");
      Map<String, Object> parameters = result.steps().get(0).parameters();
      assertThat(parameters).containsEntry("psf", ClassicalDeblur.ESTIMATED_SHAKE);
      return parameters;
    }
  }

  private ShakenPhotograph throughConservative(String photograph, String kernel) throws Exception {
    PlanarImage sharp = decoder.decode(KODAK.resolve(photograph)).pixels();
    PointSpreadFunction shake = measuredShake(kernel);
    PlanarImage blurred = capture(sharp, shake);
    return new ShakenPhotograph(
        sharp, blurred, shake, pipeline.run(blurred, Presets.load(Presets.DEFAULT)));
  }

  /** One of KAIR's measured camera shakes, centred. */
  private static PointSpreadFunction measuredShake(String kernel) throws Exception {
    return Degradations.measuredKernel(SharedData.path("blur_kernels_KAIR", kernel)).centred();
  }

  /** A photograph blurred by a kernel and stored in 8 bits. */
  private static PlanarImage capture(PlanarImage sharp, PointSpreadFunction psf) {
    return Degradations.capture(Degradations.blur(sharp, psf), 0, new SplittableRandom(0));
  }

  /**
   * kodim24 behind KAIR's largest shake (64×56 px): every square's estimate runs to its edge, the
   * 75 px one only in faint speckle, which the fallback's harder cut removes (measured +1.8 dB;
   * bench/RESULTS.md). About 25 s: every square is tried.
   */
  @Test
  void theConservativePresetCutsTheFaintTailsOfALargeShakesEstimate() throws Exception {
    ShakenPhotograph run = throughConservative("kodim24.png", "k_large_2.png");

    assertThat(run.deblurParameters())
        .containsEntry("kernelSide", 75)
        .containsEntry("kernelCut", BlindKernelEstimator.TAIL_CUT);
    assertThat(run.gain()).isGreaterThan(1);
  }

  /**
   * A real camera-shaken photograph of a page (OpenCV's sample; no ground truth): every square's
   * estimate touches its edge, and only the fallback's cut of its faint tails gives the kernel that
   * makes the lines legible (bench/RESULTS.md). The preset declined it before.
   */
  @Test
  void theConservativePresetDeblursARealCameraShakenPage() throws Exception {
    PlanarImage page =
        decoder.decode(SharedData.path("opencv_motion_blur_samples", "text_motion.png")).pixels();

    PipelineResult result = pipeline.run(page, Presets.load(Presets.DEFAULT));

    assertThat(result.declined()).isEmpty();
    assertThat(result.steps())
        .filteredOn(s -> s.step().equals("deblur"))
        .singleElement()
        .satisfies(
            s ->
                assertThat(s.parameters())
                    .containsEntry("psf", ClassicalDeblur.ESTIMATED_SHAKE)
                    .containsEntry("kernelCut", BlindKernelEstimator.TAIL_CUT));
  }

  @Test
  void theConservativePresetDeblursClearStraightMotionAndRaisesPsnr() throws Exception {
    RestorationSettings conservative = Presets.load(Presets.DEFAULT);
    for (String name : new String[] {"kodim05.png", "kodim13.png", "kodim21.png"}) {
      PlanarImage sharp = decoder.decode(KODAK.resolve(name)).pixels();
      PointSpreadFunction psf = PointSpreadFunction.motion(28, 40);
      PlanarImage blurred = TestBlur.capture(TestBlur.blur(sharp, psf));

      PipelineResult result = pipeline.run(blurred, conservative);

      assertThat(result.steps()).as(name).extracting(StepRecord::step).contains("deblur");
      double before = QualityMetrics.psnr(sharp, blurred, psf.radius());
      double after = QualityMetrics.psnr(sharp, result.image(), psf.radius());
      System.out.printf("%s auto deblur: %.2f → %.2f dB%n", name, before, after);
      assertThat(after).as(name).isGreaterThan(before);
    }
  }

  @Test
  void theNeuralPresetDeconvolvesAClearDefocusDiskWithoutTheModel() throws Exception {
    // kodim03 behind a 6.5 px disk is assessed as motion, yet its disk fit is clear
    PlanarImage sharp = decoder.decode(KODAK.resolve("kodim03.png")).pixels();
    PointSpreadFunction psf = PointSpreadFunction.disk(6.5);
    PlanarImage blurred = TestBlur.capture(TestBlur.blur(sharp, psf));
    Pipeline noModels =
        new Pipeline(
            () -> {
              throw new AssertionError("a clear disk needs no neural model");
            });

    PipelineResult result = noModels.run(blurred, Presets.load("restore-neural"));

    assertThat(result.steps())
        .extracting(StepRecord::operator)
        .contains("hyper-laplacian-deconvolution");
    assertThat(result.steps().get(0).parameters()).containsEntry("psf", "disk (measured)");
    assertThat((Double) result.steps().get(0).parameters().get("radius")).isBetween(6.0, 7.0);
    double before = QualityMetrics.psnr(sharp, blurred, psf.radius());
    double after = QualityMetrics.psnr(sharp, result.image(), psf.radius());
    System.out.printf("kodim03 disk 6.5 px, restore-neural: %.2f → %.2f dB%n", before, after);
    assertThat(after).isGreaterThan(before + 1);
  }

  @Test
  void alphaTravelsThroughEveryStep() {
    float[] gray = new float[64 * 64];
    float[] alpha = new float[64 * 64];
    for (int i = 0; i < gray.length; i++) {
      gray[i] = (i % 64) / 63f;
      alpha[i] = (i / 64) / 63f;
    }
    PlanarImage image = PlanarImage.of(64, 64, new float[][] {gray}, alpha);
    RestorationSettings all =
        new RestorationSettings(
            new RestorationSettings.Deblur("defocus", null, null, 2.0, 1.0, null),
            new RestorationSettings.Denoise("on", null, 1.0),
            new RestorationSettings.Upscale(2, "lanczos"));

    PlanarImage out = pipeline.run(image, all).image();

    assertThat(out.hasAlpha()).isTrue();
    assertThat(out.alpha()[0]).isEqualTo(0f);
    assertThat(out.alpha()[out.alpha().length - 1]).isGreaterThan(0.95f);
  }
}
