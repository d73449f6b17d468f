package org.refocus.models.neural;

import ai.djl.translate.TranslateException;
import java.util.Arrays;
import java.util.List;
import java.util.function.IntConsumer;
import org.refocus.models.image.PlanarImage;

/**
 * Runs an image model over an image tile by tile ({@link Tiling}) and blends the tiles' outputs
 * with feathered weights. Tiles go row by row; once a row of tiles is done every output row above
 * the next tile row is final and goes to the {@link RowSink}, so memory holds one band of output,
 * never the whole of it. Each tile is a separate prediction, whose arrays DJL releases when it
 * returns.
 */
final class TiledInference {

  /** What runs on each tile: a predictor's {@code predict} in the product. */
  @FunctionalInterface
  interface TileModel {
    PlanarImage apply(PlanarImage tile) throws TranslateException;
  }

  private final TileModel model;
  private final int scale;
  private final Tiling tiling;

  TiledInference(TileModel model, int scale, Tiling tiling) {
    this.model = model;
    this.scale = scale;
    this.tiling = tiling;
  }

  /**
   * @param progress told the number of tiles done after each tile
   */
  public void run(PlanarImage image, RowSink sink, IntConsumer progress) throws TranslateException {
    int w = image.width();
    int h = image.height();
    int outW = w * scale;
    List<Tiling.Span> xs = tiling.spans(w);
    List<Tiling.Span> ys = tiling.spans(h);
    int bandRows = ys.get(0).length() * scale; // no row of tiles is taller than the first
    float[][] sums = new float[3][bandRows * outW];
    float[] weights = new float[bandRows * outW];
    int top = 0; // output row held at band row 0
    int done = 0;
    for (int r = 0; r < ys.size(); r++) {
      int y0 = ys.get(r).start();
      int tileH = ys.get(r).length();
      for (Tiling.Span x : xs) {
        int x0 = x.start();
        int tileW = x.length();
        PlanarImage out = model.apply(image.colourRegion(x0, y0, tileW, tileH));
        if (out.width() != tileW * scale || out.height() != tileH * scale) {
          throw new IllegalStateException(
              "a "
                  + tileW
                  + "×"
                  + tileH
                  + " tile came back "
                  + out.width()
                  + "×"
                  + out.height()
                  + ", not enlarged "
                  + scale
                  + "×: the model's scale is not the catalogue's");
        }
        accumulate(out, x0, y0, tileW, tileH, w, h, top, sums, weights, outW);
        progress.accept(++done);
      }
      int finalUntil = r + 1 < ys.size() ? ys.get(r + 1).start() * scale : h * scale;
      int rows = finalUntil - top;
      emit(sink, top, rows, outW, sums, weights);
      shift(rows * outW, sums, weights);
      top = finalUntil;
    }
  }

  private void accumulate(
      PlanarImage out,
      int x0,
      int y0,
      int tileW,
      int tileH,
      int w,
      int h,
      int top,
      float[][] sums,
      float[] weights,
      int outW) {
    int ow = out.width();
    int oh = out.height();
    float[] wx = new float[ow];
    for (int x = 0; x < ow; x++) {
      wx[x] = tiling.weight(x0 + (x + 0.5) / scale, x0, x0 + tileW, w);
    }
    for (int y = 0; y < oh; y++) {
      float wy = tiling.weight(y0 + (y + 0.5) / scale, y0, y0 + tileH, h);
      if (wy == 0f) {
        continue;
      }
      int row = (y0 * scale + y - top) * outW + x0 * scale;
      int src = y * ow;
      for (int c = 0; c < 3; c++) {
        float[] plane = out.plane(c);
        float[] sum = sums[c];
        for (int x = 0; x < ow; x++) {
          sum[row + x] += wy * wx[x] * plane[src + x];
        }
      }
      for (int x = 0; x < ow; x++) {
        weights[row + x] += wy * wx[x];
      }
    }
  }

  private static void emit(
      RowSink sink, int top, int rows, int outW, float[][] sums, float[] weights) {
    int n = rows * outW;
    float[][] planes = new float[3][n];
    for (int c = 0; c < 3; c++) {
      for (int i = 0; i < n; i++) {
        planes[c][i] = sums[c][i] / weights[i];
      }
    }
    sink.accept(top, rows, outW, planes);
  }

  /** Moves the rows after the emitted ones to the band's start and clears the rest. */
  private static void shift(int emitted, float[][] sums, float[] weights) {
    for (float[] sum : sums) {
      slide(sum, emitted);
    }
    slide(weights, emitted);
  }

  private static void slide(float[] a, int offset) {
    System.arraycopy(a, offset, a, 0, a.length - offset);
    Arrays.fill(a, a.length - offset, a.length, 0f);
  }
}
