package org.refocus.models.neural;

import ai.djl.inference.Predictor;
import ai.djl.translate.TranslateException;
import java.util.OptionalInt;
import java.util.function.IntConsumer;
import org.refocus.models.image.PlanarImage;
import org.refocus.models.restore.LanczosUpscaler;

/**
 * Super-resolution with a neural model, tiled so any image size fits in bounded memory. Colour goes
 * through the model; alpha, which the models were never trained on, is enlarged by Lanczos; a gray
 * image goes through as three equal channels and comes back as their mean.
 */
public final class NeuralUpscaler {

  /** System property fixing the tile side in input pixels instead of deriving it from memory. */
  public static final String TILE_PROPERTY = "refocus.tile";

  private static final int MIN_TILE = 64;

  /**
   * On the CPU smaller tiles run faster despite their overlap (engine memory pools and caches):
   * measured on 1500² through esrgan-slim-x2 with MXNet, tiles of 256 gave 0.120 input MP/s, 512
   * 0.067 and 816 0.088. A GPU wants large tiles.
   */
  private static final int MAX_CPU_TILE = 256;

  private static final int MAX_GPU_TILE = 1024;

  private final NeuralModel model;

  public NeuralUpscaler(NeuralModel model) {
    this.model = model;
  }

  public NeuralModel model() {
    return model;
  }

  /**
   * Tiles as large as a quarter of the free physical memory allows (the engine allocates outside
   * the Java heap), at least {@value #MIN_TILE} pixels and at most {@value #MAX_CPU_TILE} on a CPU,
   * {@value #MAX_GPU_TILE} on a GPU; {@code -Drefocus.tile=N} overrides. The overlap covers what
   * the models' edge handling disturbs.
   */
  public Tiling defaultTiling() {
    OptionalInt fixed = TileSides.fixed();
    if (fixed.isPresent()) {
      return tiling(fixed.getAsInt());
    }
    long budget = TileSides.freePhysicalMemory() / 4;
    // twice the activations: the engine's convolution workspaces come on top
    double perPixel = 2 * model.activationBytesPerPixel();
    int side = (int) Math.min(Math.sqrt(budget / perPixel), maxSideForWorkspace());
    int max = model.engine().device().isGpu() ? MAX_GPU_TILE : MAX_CPU_TILE;
    side = Math.max(MIN_TILE, Math.min(max, side / 16 * 16));
    return tiling(side);
  }

  /**
   * MXNet crashed (SIGFPE) on a 1024² tile through esrgan-slim-x2, whose 5×5 convolution unfolds
   * 1.7·10⁹ elements: past 2³¹. Tiles keep every layer's unfolded input under 2³⁰ elements.
   */
  private int maxSideForWorkspace() {
    return (int) Math.sqrt((1L << 30) / model.workspacePerPixel());
  }

  public static Tiling tiling(int tile) {
    if (tile < MIN_TILE) {
      throw new IllegalArgumentException("tile side " + tile + " is below " + MIN_TILE);
    }
    return new Tiling(tile, 32, 8);
  }

  public PlanarImage upscale(PlanarImage image, Tiling tiling, IntConsumer progress)
      throws TranslateException {
    int s = model.scale();
    int outW = image.width() * s;
    int outH = image.height() * s;
    PlaneSink sink = new PlaneSink(image.colourChannels(), outW, outH);
    upscale(image, tiling, sink, progress);
    float[] alpha = null;
    if (image.hasAlpha()) {
      PlanarImage a = PlanarImage.gray(image.width(), image.height(), image.alpha());
      alpha = LanczosUpscaler.upscale(a, s).plane(0);
    }
    return PlanarImage.of(outW, outH, sink.planes(), alpha);
  }

  /** Colour only, streamed to {@code sink} band by band. */
  public void upscale(PlanarImage image, Tiling tiling, RowSink sink, IntConsumer progress)
      throws TranslateException {
    try (Predictor<PlanarImage, PlanarImage> predictor = model.newPredictor()) {
      new TiledInference(predictor::predict, model.scale(), tiling)
          .run(image.withoutAlpha(), sink, progress);
    }
  }
}
