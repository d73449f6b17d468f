package org.refocus.models.neural;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.translate.TranslateException;
import java.util.OptionalInt;
import java.util.function.IntConsumer;
import org.refocus.models.graph.GraphExecutor;
import org.refocus.models.image.PlanarImage;

/**
 * Same-size restoration (deblurring, denoising) with a graph model, tiled like {@link
 * NeuralUpscaler}. A tile whose sides are not multiples of the model's {@link
 * org.refocus.models.store.ModelSpec#sizeMultiple()} is mirrored out to the next multiple at its
 * bottom and right edges, as MAXIM's own evaluation pads, and cropped back. Alpha passes through
 * untouched; a gray image goes through as three equal channels and comes back as their mean.
 */
public final class NeuralRestorer {

  /**
   * MAXIM was trained on 256² crops, and its grid mixing spans the whole tile: much smaller tiles
   * see too little context.
   */
  private static final int MIN_TILE = 128;

  /**
   * Larger tiles cost less overlap but more per pixel on a CPU, whose caches the element-wise
   * passes outgrow: one tile of MAXIM deblurring on 2 cores runs at 94 s/MP at 256², 146 s/MP at
   * 512². On a whole 768×512 photograph the two balance (74 s in 256² tiles, 76 s in 512², 62 s as
   * one tile), so the smaller tile wins on memory: 2.4 GB peak against 4.0 (5.1 for one tile). Full
   * GoPro frames in 256² tiles: 32.15 dB mean, as with larger tiles, at 3.1 GB. (All measured with
   * MXNet's threaded engine and flush edge tiles; with MxnetThreading's settings and shorter edge
   * tiles a 256² tile runs at 72–82 s/MP and kodim24 whole in 43–57 s.)
   */
  private static final int MAX_CPU_TILE = 256;

  private static final int MAX_GPU_TILE = 1024;

  /**
   * Engine memory per tile pixel at peak: 1.7 GB resident for a 256² tile, 7.8 GB for a 768×512
   * tile (a 6 GB Java heap included); 9.4 GB for a GoPro frame in 512² tiles before the fused
   * kernels.
   */
  private static final long BYTES_PER_PIXEL = 32_000;

  private static final int OVERLAP = 32;
  private static final int MARGIN = 8;

  private final GraphModel model;

  public NeuralRestorer(GraphModel model) {
    if (model.spec().scale() != 1) {
      throw new IllegalArgumentException(model.id() + " enlarges; it is not a restoration model");
    }
    this.model = model;
  }

  /**
   * The largest multiple of the model's size multiple that a quarter of the free physical memory
   * holds, between {@value #MIN_TILE} and {@value #MAX_CPU_TILE} on a CPU ({@value #MAX_GPU_TILE}
   * on a GPU); {@code -Drefocus.tile=N} overrides.
   */
  public Tiling defaultTiling() {
    OptionalInt fixed = TileSides.fixed();
    if (fixed.isPresent()) {
      return tiling(fixed.getAsInt());
    }
    long budget = TileSides.freePhysicalMemory() / 4;
    int side = (int) Math.sqrt((double) budget / BYTES_PER_PIXEL);
    int max = model.engine().device().isGpu() ? MAX_GPU_TILE : MAX_CPU_TILE;
    return tiling(Math.max(MIN_TILE, Math.min(max, side)));
  }

  /**
   * Tiles of {@code tile} pixels, rounded down to the model's size multiple. The last tile of a row
   * or column is only as long as what is left (a multiple too, and at least {@value #MIN_TILE}): on
   * a 768×512 photograph 256² tiles ending flush run the model over 786k pixels, these over 573k,
   * for the same overlap.
   */
  public Tiling tiling(int tile) {
    if (tile < MIN_TILE) {
      throw new IllegalArgumentException("tile side " + tile + " is below " + MIN_TILE);
    }
    int multiple = model.spec().sizeMultiple();
    int side = Math.max(multiple, tile / multiple * multiple);
    return new Tiling(side, OVERLAP, MARGIN, Math.min(side, MIN_TILE), multiple);
  }

  public PlanarImage restore(PlanarImage image, Tiling tiling, IntConsumer progress)
      throws TranslateException {
    int w = image.width();
    int h = image.height();
    PlaneSink sink = new PlaneSink(image.colourChannels(), w, h);
    GraphExecutor executor = model.executor();
    new TiledInference(tile -> restoreTile(executor, tile), 1, tiling)
        .run(image.withoutAlpha(), sink, progress);
    return PlanarImage.of(w, h, sink.planes(), image.hasAlpha() ? image.alpha().clone() : null);
  }

  private PlanarImage restoreTile(GraphExecutor executor, PlanarImage tile) {
    int w = tile.width();
    int h = tile.height();
    int multiple = model.spec().sizeMultiple();
    int pw = ceilTo(w, multiple);
    int ph = ceilTo(h, multiple);
    float[] nhwc = new float[pw * ph * 3];
    for (int y = 0; y < ph; y++) {
      int sy = mirror(y, h);
      for (int x = 0; x < pw; x++) {
        int src = sy * w + mirror(x, w);
        int dst = (y * pw + x) * 3;
        for (int c = 0; c < 3; c++) {
          nhwc[dst + c] = tile.plane(tile.colourChannels() == 1 ? 0 : c)[src];
        }
      }
    }
    float[] out;
    try (NDManager call = model.newCallManager()) {
      NDArray y = executor.run(call.create(nhwc, new Shape(1, ph, pw, 3)));
      out = y.toFloatArray();
    }
    float[][] rgb = new float[3][w * h];
    for (int y = 0; y < h; y++) {
      for (int x = 0; x < w; x++) {
        int src = (y * pw + x) * 3;
        for (int c = 0; c < 3; c++) {
          // the packages' runtime clips to 0..1 before it writes pixels
          rgb[c][y * w + x] = Math.max(0f, Math.min(1f, out[src + c]));
        }
      }
    }
    return PlanarImage.of(w, h, rgb, null);
  }

  private static int ceilTo(int n, int multiple) {
    return (n + multiple - 1) / multiple * multiple;
  }

  /**
   * Index {@code i} reflected into [0, n) without repeating the edge sample, as NumPy's reflect.
   */
  static int mirror(int i, int n) {
    if (n == 1) {
      return 0;
    }
    int period = 2 * (n - 1);
    int m = i % period;
    return m < n ? m : period - m;
  }
}
