package org.refocus.models.pipeline;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import java.util.function.Predicate;
import org.refocus.models.store.ModelCatalog;
import org.refocus.models.store.ModelSpec;

/**
 * How an image is restored, step by step. Presets are these settings stored as JSON.
 *
 * @param deblock "off", "auto" (where the pixels show a JPEG quantiser of IJG quality {@code
 *     maxQuality} or lower) or "on" (assuming the standard table of IJG {@code quality} where none
 *     shows)
 * @param deblur "off", "auto" (only where a straight motion blur is measured with confidence; with
 *     a {@code model}, wherever the assessment says motion blur), "motion" with the given length
 *     and angle, "defocus" with the given radius, or "neural" (always, by the {@code model})
 * @param denoise "off", "auto" (where the measured noise is at least {@code minNoiseLevels}) or
 *     "on"; by non-local means with the measured σ, or by the {@code model}
 * @param upscale 1 (none), 2, 3, 4 or 8, by Lanczos or a neural model
 */
@JsonIgnoreProperties(ignoreUnknown = false)
public record RestorationSettings(
    Deblock deblock, Deblur deblur, Denoise denoise, Upscale upscale) {

  public RestorationSettings {
    deblock = deblock == null ? Deblock.OFF : deblock;
    deblur = deblur == null ? Deblur.OFF : deblur;
    denoise = denoise == null ? Denoise.OFF : denoise;
    upscale = upscale == null ? Upscale.NONE : upscale;
  }

  /** Whether some step may run a neural model, and so needs the inference engine. */
  public boolean mayUseNeuralModels() {
    boolean deblurs = !deblur.mode().equals("off") && deblur.model() != null;
    boolean denoises = !denoise.mode().equals("off") && denoise.model() != null;
    return deblurs || denoises || (upscale.factor() > 1 && upscale.method().equals("neural"));
  }

  /** Settings without JPEG deblocking, as before it existed. */
  public RestorationSettings(Deblur deblur, Denoise denoise, Upscale upscale) {
    this(Deblock.OFF, deblur, denoise, upscale);
  }

  public record Deblock(String mode, Integer maxQuality, Integer quality) {
    public static final Deblock OFF = new Deblock("off", null, null);

    public Deblock {
      mode = mode == null ? "off" : mode;
      if (!mode.equals("off") && !mode.equals("auto") && !mode.equals("on")) {
        throw new IllegalArgumentException("deblock mode off, auto or on, not " + mode);
      }
      if (mode.equals("on") && quality == null) {
        throw new IllegalArgumentException("deblock mode on needs the JPEG quality (1..100)");
      }
      for (Integer q : new Integer[] {maxQuality, quality}) {
        if (q != null && (q < 1 || q > 100)) {
          throw new IllegalArgumentException("JPEG quality is 1..100, not " + q);
        }
      }
    }
  }

  /**
   * @param strength 0..1, the blend from the input to the deblurred image
   * @param priorWeight the classical deconvolution's hyper-Laplacian prior weight λ (images in
   *     0..1); absent, 3·10⁻⁴ per level of the measured noise (at least a third of a level), three
   *     times that for a measured straight line
   * @param model a catalogued restoration model ({@code maxim-deblurring}) for modes "auto" and
   *     "neural"
   * @param tile the model's tile side in pixels; absent, derived from free memory
   */
  public record Deblur(
      String mode,
      Double length,
      Double angle,
      Double radius,
      Double strength,
      Double priorWeight,
      String model,
      Integer tile) {
    public static final Deblur OFF = new Deblur("off", null, null, null, null, null);

    public static final String DEFAULT_MODEL = "maxim-deblurring";

    /** A classical deblur. */
    public Deblur(
        String mode,
        Double length,
        Double angle,
        Double radius,
        Double strength,
        Double priorWeight) {
      this(mode, length, angle, radius, strength, priorWeight, null, null);
    }

    public Deblur {
      mode = mode == null ? "off" : mode;
      switch (mode) {
        case "off", "auto", "motion", "defocus" -> {
          if (model != null && !mode.equals("auto")) {
            throw new IllegalArgumentException("deblur mode " + mode + " takes no model");
          }
        }
        case "neural" -> model = model == null ? DEFAULT_MODEL : model;
        default ->
            throw new IllegalArgumentException(
                "deblur mode off, auto, motion, defocus or neural, not " + mode);
      }
      if (model != null) {
        restorationModel(model);
      }
      checkTile(tile);
      if (mode.equals("motion") && (length == null || angle == null)) {
        throw new IllegalArgumentException("deblur mode motion needs length and angle");
      }
      if (mode.equals("defocus") && radius == null) {
        throw new IllegalArgumentException("deblur mode defocus needs radius");
      }
    }

    double strengthOr(double fallback) {
      return strength == null ? fallback : strength;
    }
  }

  /**
   * @param model a catalogued restoration model ({@code maxim-denoising}, trained on real sensor
   *     noise) instead of non-local means
   * @param tile the model's tile side in pixels; absent, derived from free memory
   */
  public record Denoise(
      String mode, Double minNoiseLevels, Double strength, String model, Integer tile) {
    public static final Denoise OFF = new Denoise("off", null, null);

    /** A non-local-means denoise. */
    public Denoise(String mode, Double minNoiseLevels, Double strength) {
      this(mode, minNoiseLevels, strength, null, null);
    }

    public Denoise {
      mode = mode == null ? "off" : mode;
      if (!mode.equals("off") && !mode.equals("auto") && !mode.equals("on")) {
        throw new IllegalArgumentException("denoise mode off, auto or on, not " + mode);
      }
      if (model != null) {
        restorationModel(model);
      }
      checkTile(tile);
    }
  }

  /** Checks that {@code id} is a catalogued same-size restoration model. */
  static void restorationModel(String id) {
    ModelSpec spec = catalogued(id, "no restoration model '" + id + "'", m -> m.scale() == 1);
    if (spec.scale() != 1) {
      throw new IllegalArgumentException(
          "model " + id + " enlarges " + spec.scale() + "x; a restoration step keeps the size");
    }
  }

  /** The catalogued model {@code id}, or an error listing the ones that would do. */
  private static ModelSpec catalogued(String id, String missing, Predicate<ModelSpec> wouldDo) {
    ModelCatalog catalog = ModelCatalog.bundled();
    return catalog
        .model(id)
        .orElseThrow(
            () ->
                new IllegalArgumentException(
                    missing
                        + "; catalogued: "
                        + catalog.packages().stream()
                            .flatMap(p -> p.models().stream())
                            .filter(wouldDo)
                            .map(ModelSpec::id)
                            .toList()));
  }

  private static void checkTile(Integer tile) {
    if (tile != null && tile < 128) {
      throw new IllegalArgumentException("restoration tile at least 128 pixels, not " + tile);
    }
  }

  /**
   * @param method "lanczos", or "neural" with a {@code model}
   * @param model a catalogued model id ({@code esrgan-thick-x4}) or family ({@code esrgan-thick},
   *     which takes the member of this factor)
   * @param fallback "lanczos" to enlarge classically when the model cannot run (recorded in the
   *     step); absent, such an image fails instead, never silently degraded
   * @param tile tile side in input pixels; absent, derived from free memory (record it to reproduce
   *     a result bit for bit: tile edges shift the output by up to one level)
   */
  public record Upscale(int factor, String method, String model, String fallback, Integer tile) {
    public static final Upscale NONE = new Upscale(1, "lanczos");

    public Upscale(int factor, String method) {
      this(factor, method, null, null, null);
    }

    public Upscale {
      if (factor != 1 && factor != 2 && factor != 3 && factor != 4 && factor != 8) {
        throw new IllegalArgumentException("upscale factor 1, 2, 3, 4 or 8, not " + factor);
      }
      method = method == null ? (model == null ? "lanczos" : "neural") : method;
      switch (method) {
        case "lanczos" -> {
          if (model != null) {
            throw new IllegalArgumentException("upscale method lanczos takes no model");
          }
        }
        case "neural" -> {
          if (model == null) {
            throw new IllegalArgumentException("upscale method neural needs a model");
          }
          if (factor > 1) {
            modelId(model, factor); // fails early, naming what exists
          }
        }
        default ->
            throw new IllegalArgumentException("upscale method lanczos or neural, not " + method);
      }
      if (fallback != null && !fallback.equals("lanczos")) {
        throw new IllegalArgumentException("upscale fallback lanczos or none, not " + fallback);
      }
      if (tile != null && tile < 64) {
        throw new IllegalArgumentException("upscale tile at least 64 pixels, not " + tile);
      }
    }

    /** The catalogued model this step runs. */
    public String modelId() {
      return modelId(model, factor);
    }

    private static String modelId(String model, int factor) {
      ModelCatalog catalog = ModelCatalog.bundled();
      String id = catalog.model(model).isPresent() ? model : model + "-x" + factor;
      ModelSpec spec =
          catalogued(
              id,
              "no upscaling model '" + model + "' for " + factor + "x",
              m -> m.scale() == factor);
      if (spec.scale() != factor) {
        throw new IllegalArgumentException(
            "model " + id + " enlarges " + spec.scale() + "x, the step asks " + factor + "x");
      }
      return id;
    }
  }
}
