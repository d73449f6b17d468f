package org.refocus.models.pipeline;

import ai.djl.translate.TranslateException;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;
import org.opencv.core.Core;
import org.refocus.models.assess.Assessment;
import org.refocus.models.assess.Assessor;
import org.refocus.models.assess.BlurType;
import org.refocus.models.cv.OpenCvRuntime;
import org.refocus.models.image.PlanarImage;
import org.refocus.models.jpeg.CompressionTrace;
import org.refocus.models.jpeg.QuantisationTable;
import org.refocus.models.neural.GraphModel;
import org.refocus.models.neural.LoadedModel;
import org.refocus.models.neural.NeuralModel;
import org.refocus.models.neural.NeuralModels;
import org.refocus.models.neural.NeuralRestorer;
import org.refocus.models.neural.NeuralUpscaler;
import org.refocus.models.neural.Tiling;
import org.refocus.models.restore.HyperLaplacianDeconvolution;
import org.refocus.models.restore.JpegDeblocker;
import org.refocus.models.restore.LanczosUpscaler;
import org.refocus.models.restore.NonLocalMeansDenoiser;
import org.refocus.models.store.ModelStoreException;
import org.refocus.models.tfjs.TfjsFormatException;

/**
 * Restores one image in the order that works: JPEG deblocking first (deconvolution would sharpen
 * the block edges into the picture), then deblur (so later steps see edges), then a light denoise
 * (deconvolution lifts noise), then enlargement. Each step that runs leaves a {@link StepRecord}; a
 * step that decides not to act leaves none, except an automatic deblur that declines an image
 * assessed as blurred, which leaves a {@link DeclinedStep} with its reason. The same input and
 * settings give the same output, bit for bit, on the same engine; a neural step also needs the same
 * tile size, which it records (a preset's {@code tile} fixes it, else it follows free memory).
 */
public final class Pipeline implements AutoCloseable {

  /**
   * "auto" denoises from this σ in 8-bit levels: below, film grain is kept as part of the original.
   * Kodak's film scans measure up to 3.4 levels of grain.
   */
  static final double AUTO_MIN_NOISE_LEVELS = 5;

  /**
   * "auto" deblocks up to this IJG quality by default; above it the steps are too fine to see (and
   * from 95 too fine to measure).
   */
  static final int DEFAULT_DEBLOCK_MAX_QUALITY = 90;

  /**
   * What runs a model around its weights (the executor, the tiling), versioned apart from the
   * model, which its {@link StepRecord.ModelReference} names: bumped whenever it changes the output
   * for the same weights and input. Restoration 2: the last tile of a row or column as short as
   * what is left (before, 1, the model's package version stood here).
   */
  static final String NEURAL_RESTORE_VERSION = "2";

  static final String NEURAL_UPSCALE_VERSION = "1";

  static final double DEFAULT_DENOISE_STRENGTH = 0.8;

  private final Assessor assessor = new Assessor();
  private final ModelCache models;

  /** Neural models from the configured store and engine, loaded on first use. */
  public Pipeline() {
    this(NeuralModels::configured);
  }

  public Pipeline(Supplier<NeuralModels> neuralModels) {
    this.models = new ModelCache(neuralModels);
  }

  public PipelineResult run(PlanarImage image, RestorationSettings settings) {
    return run(image, settings, TileProgress.NONE);
  }

  public PipelineResult run(
      PlanarImage image, RestorationSettings settings, TileProgress progress) {
    return run(image, assessor.assess(image), settings, progress);
  }

  public PipelineResult run(
      PlanarImage image, Assessment assessment, RestorationSettings settings) {
    return run(image, assessment, settings, TileProgress.NONE);
  }

  /** As {@link #run(PlanarImage, Assessment, RestorationSettings)}, telling each tile done. */
  public PipelineResult run(
      PlanarImage image,
      Assessment assessment,
      RestorationSettings settings,
      TileProgress progress) {
    OpenCvRuntime.ensureLoaded();
    List<StepRecord> steps = new ArrayList<>();
    List<DeclinedStep> declined = new ArrayList<>();
    PlanarImage current = deblock(image, assessment, settings.deblock(), steps);
    current = deblur(current, assessment, settings.deblur(), steps, declined, progress);
    current = denoise(current, assessment, settings.denoise(), steps, progress);
    current = upscale(current, settings.upscale(), steps, progress);
    return new PipelineResult(current, assessment, List.copyOf(steps), List.copyOf(declined));
  }

  private static PlanarImage deblock(
      PlanarImage image, Assessment a, RestorationSettings.Deblock s, List<StepRecord> steps) {
    Optional<CompressionTrace> measured = a.compression();
    CompressionTrace trace;
    switch (s.mode()) {
      case "auto" -> {
        int max = s.maxQuality() == null ? DEFAULT_DEBLOCK_MAX_QUALITY : s.maxQuality();
        if (measured.isEmpty() || measured.get().table().quality() > max) {
          return image;
        }
        trace = measured.get();
      }
      case "on" ->
          trace =
              measured.orElse(
                  new CompressionTrace(QuantisationTable.ijgLuminance(s.quality()), 0, 0, 0));
      default -> {
        return image;
      }
    }
    Map<String, Object> parameters = new LinkedHashMap<>();
    parameters.put("quantiser", trace.measuredSteps() > 0 ? "measured" : "assumed");
    parameters.put("nearestQuality", trace.table().quality());
    parameters.put("lumaTable", Arrays.toString(trace.table().steps()));
    parameters.put("gridX", trace.gridX());
    parameters.put("gridY", trace.gridY());
    long start = System.nanoTime();
    PlanarImage out = JpegDeblocker.apply(image, trace.table(), trace.gridX(), trace.gridY());
    steps.add(record("deblock", "jpeg-shifted-requantisation", parameters, start));
    return out;
  }

  private PlanarImage deblur(
      PlanarImage image,
      Assessment a,
      RestorationSettings.Deblur s,
      List<StepRecord> steps,
      List<DeclinedStep> declined,
      TileProgress progress) {
    // a clearly measured disk is deconvolved as such even where the verdict says motion: MAXIM,
    // trained on motion, gained 0.9–2.2 dB on those Kodak disks, the disk itself 2.2–4.2 dB
    boolean neural =
        s.mode().equals("neural")
            || (s.mode().equals("auto")
                && s.model() != null
                && a.blur().type() == BlurType.MOTION
                && !ClassicalDeblur.isMeasuredDisk(a));
    if (neural) {
      Map<String, Object> parameters = new LinkedHashMap<>();
      if (s.mode().equals("auto")) {
        parameters.put("blur", "motion (assessed)");
        parameters.put("confidence", a.blur().confidence());
      }
      return neuralRestore(
          "deblur", image, s.model(), s.tile(), s.strengthOr(1.0), parameters, steps, progress);
    }
    // the step's time includes estimating the kernel, where that is done: most of it
    long start = System.nanoTime();
    ClassicalDeblur.Decision decision = ClassicalDeblur.decide(a, s, ShakeEvidence.of(image));
    if (decision instanceof ClassicalDeblur.Decision.Decline decline) {
      declined.add(new DeclinedStep("deblur", decline.reason()));
    }
    if (!(decision instanceof ClassicalDeblur.Decision.Deconvolve deconvolve)) {
      return image;
    }
    ClassicalDeblur.Plan p = deconvolve.plan();
    PlanarImage out =
        HyperLaplacianDeconvolution.apply(image, p.psf(), p.priorWeight(), p.strength());
    ClassicalDeblur.Outcome outcome = ClassicalDeblur.outcomeOf(p, image, out);
    if (outcome instanceof ClassicalDeblur.Outcome.Discarded discarded) {
      declined.add(new DeclinedStep("deblur", discarded.reason()));
      return image;
    }
    Map<String, Object> parameters = ((ClassicalDeblur.Outcome.Kept) outcome).parameters();
    steps.add(record("deblur", "hyper-laplacian-deconvolution", parameters, start));
    return out;
  }

  private PlanarImage denoise(
      PlanarImage image,
      Assessment a,
      RestorationSettings.Denoise s,
      List<StepRecord> steps,
      TileProgress progress) {
    double minimum = s.minNoiseLevels() == null ? AUTO_MIN_NOISE_LEVELS : s.minNoiseLevels();
    boolean run = s.mode().equals("on") || (s.mode().equals("auto") && a.noiseLevels() >= minimum);
    if (!run) {
      return image;
    }
    Map<String, Object> parameters = new LinkedHashMap<>();
    if (s.model() != null) {
      parameters.put("sigmaLevels", a.noiseLevels());
      double strength = s.strength() == null ? 1.0 : s.strength();
      return neuralRestore(
          "denoise", image, s.model(), s.tile(), strength, parameters, steps, progress);
    }
    double strength = s.strength() == null ? DEFAULT_DENOISE_STRENGTH : s.strength();
    parameters.put("sigmaLevels", a.noiseLevels());
    parameters.put("strength", strength);
    long start = System.nanoTime();
    PlanarImage out = NonLocalMeansDenoiser.denoise(image, a.noiseSigma(), strength);
    steps.add(record("denoise", "non-local-means", parameters, start));
    return out;
  }

  private PlanarImage upscale(
      PlanarImage image,
      RestorationSettings.Upscale s,
      List<StepRecord> steps,
      TileProgress progress) {
    if (s.factor() == 1) {
      return image;
    }
    Map<String, Object> parameters = new LinkedHashMap<>();
    parameters.put("factor", s.factor());
    if (s.method().equals("neural")) {
      try {
        return neuralUpscale(image, s, parameters, steps, progress);
      } catch (RuntimeException
          | IOException
          | ModelStoreException
          | TfjsFormatException
          | TranslateException e) {
        if (s.fallback() == null) {
          throw new RestorationException(
              "neural upscaling with " + s.modelId() + " failed: " + e.getMessage(), e);
        }
        parameters.put("fallbackFrom", s.modelId());
        parameters.put("fallbackReason", e.getMessage() == null ? e.toString() : e.getMessage());
      }
    }
    long start = System.nanoTime();
    PlanarImage out = LanczosUpscaler.upscale(image, s.factor());
    steps.add(record("upscale", "lanczos4", parameters, start));
    return out;
  }

  private PlanarImage neuralUpscale(
      PlanarImage image,
      RestorationSettings.Upscale s,
      Map<String, Object> parameters,
      List<StepRecord> steps,
      TileProgress progress)
      throws IOException, ModelStoreException, TfjsFormatException, TranslateException {
    long start = System.nanoTime();
    NeuralModel model = models.upscaler(s.modelId());
    NeuralUpscaler upscaler = new NeuralUpscaler(model);
    Tiling tiling = s.tile() == null ? upscaler.defaultTiling() : NeuralUpscaler.tiling(s.tile());
    recordTiling(tiling, parameters);
    int total = tiling.tileCount(image.width(), image.height());
    PlanarImage out =
        upscaler.upscale(image, tiling, done -> progress.tileDone("upscale", done, total));
    steps.add(record("upscale", model, NEURAL_UPSCALE_VERSION, parameters, start));
    return out;
  }

  /**
   * A same-size neural step (deblur, denoise). A model that cannot run fails the image with the
   * reason: a classical substitute would be a different restoration than the one asked for.
   */
  private PlanarImage neuralRestore(
      String step,
      PlanarImage image,
      String modelId,
      Integer tile,
      double strength,
      Map<String, Object> parameters,
      List<StepRecord> steps,
      TileProgress progress) {
    if (strength < 0 || strength > 1) {
      throw new IllegalArgumentException(step + " strength is 0..1, not " + strength);
    }
    long start = System.nanoTime();
    try {
      GraphModel model = models.graph(modelId);
      NeuralRestorer restorer = new NeuralRestorer(model);
      Tiling tiling = tile == null ? restorer.defaultTiling() : restorer.tiling(tile);
      recordTiling(tiling, parameters);
      parameters.put("padding", "reflect to multiples of " + model.spec().sizeMultiple());
      parameters.put("strength", strength);
      int total = tiling.tileCount(image.width(), image.height());
      PlanarImage restored =
          restorer.restore(image, tiling, done -> progress.tileDone(step, done, total));
      PlanarImage out = strength == 1 ? restored : image.blendToward(restored, strength);
      steps.add(record(step, model, NEURAL_RESTORE_VERSION, parameters, start));
      return out;
    } catch (RuntimeException
        | IOException
        | ModelStoreException
        | TfjsFormatException
        | TranslateException e) {
      throw new RestorationException(step + " with " + modelId + " failed: " + e.getMessage(), e);
    }
  }

  /**
   * Where the tiles fall changes the result in its last bits, so the record names all of it: the
   * side, the overlap and margin, and how long the last tile of a row or column may be.
   */
  private static void recordTiling(Tiling tiling, Map<String, Object> parameters) {
    parameters.put("tile", tiling.tile());
    parameters.put("overlap", tiling.overlap());
    parameters.put("margin", tiling.margin());
    parameters.put("edgeTileMinimum", tiling.edgeMinimum());
    parameters.put("edgeTileMultiple", tiling.edgeMultiple());
  }

  private static StepRecord record(
      String step,
      LoadedModel model,
      String operatorVersion,
      Map<String, Object> parameters,
      long startNanos) {
    return new StepRecord(
        step,
        model.id(),
        operatorVersion,
        Collections.unmodifiableMap(parameters),
        model.engine().describe(),
        (System.nanoTime() - startNanos) / 1_000_000,
        new StepRecord.ModelReference(
            model.id(), model.source().name(), model.source().version(), model.weightsSha256()));
  }

  private static StepRecord record(
      String step, String operator, Map<String, Object> parameters, long startNanos) {
    return new StepRecord(
        step,
        operator,
        "1",
        Collections.unmodifiableMap(parameters),
        "opencv " + Core.VERSION + " cpu",
        (System.nanoTime() - startNanos) / 1_000_000);
  }

  /** Releases the neural models this pipeline loaded; not while it is still restoring. */
  @Override
  public void close() {
    models.close();
  }
}
