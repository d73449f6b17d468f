package org.refocus.models.restore;

import java.util.stream.IntStream;
import org.refocus.models.image.PlanarImage;
import org.refocus.models.jpeg.BlockDct;
import org.refocus.models.jpeg.QuantisationTable;

/**
 * Removes JPEG blocking from luma by re-applying the quantiser at every one of the 64 grid shifts
 * and averaging (Nosratinia, "Enhancement of JPEG-compressed images by re-application of JPEG",
 * 2001), then projecting back onto the set of images that quantise to the same JPEG (each DCT
 * coefficient on the original grid stays inside its quantisation interval). The projection is what
 * makes this safe: the result is still an image the archived file could have been encoded from, so
 * detail that survived compression is not smoothed away.
 *
 * <p>Only luma is treated: chroma is usually subsampled, and its blocks are far less visible.
 */
public final class JpegDeblocker {

  private static final int N = BlockDct.N;

  private JpegDeblocker() {}

  /**
   * @param table the luma quantiser the image was compressed with
   * @param gridX column where the block grid starts (0..7; 0 unless the image was cropped)
   * @param gridY row where the block grid starts (0..7)
   */
  public static PlanarImage apply(
      PlanarImage image, QuantisationTable table, int gridX, int gridY) {
    int w = image.width();
    int h = image.height();
    if (w < 2 * N || h < 2 * N) {
      return image;
    }
    if (image.colourChannels() == 1) {
      float[] y = deblock(image.plane(0), w, h, table, gridX, gridY);
      return PlanarImage.of(w, h, new float[][] {y}, image.alpha());
    }
    float[][] ycc = YCbCr.fromRgb(image.plane(0), image.plane(1), image.plane(2));
    float[] y = deblock(ycc[0], w, h, table, gridX, gridY);
    float[][] rgb = YCbCr.toRgb(y, ycc[1], ycc[2]);
    return PlanarImage.of(w, h, rgb, image.alpha());
  }

  static float[] deblock(float[] luma, int w, int h, QuantisationTable table, int gx, int gy) {
    double[] decoded = new double[luma.length];
    for (int i = 0; i < luma.length; i++) {
      // JPEG level-shifts to −128..127 before the DCT; without it the DC grid would be offset
      decoded[i] = luma[i] * 255.0 - 128;
    }
    double[] smoothed = shiftAveragedRequantisation(decoded, w, h, table);
    project(smoothed, decoded, w, h, table, gx, gy);
    float[] out = new float[luma.length];
    for (int i = 0; i < out.length; i++) {
      out[i] = (float) ((smoothed[i] + 128) / 255.0);
    }
    return out;
  }

  /** The mean over all 64 block-grid shifts of the image requantised on that grid. */
  static double[] shiftAveragedRequantisation(
      double[] plane, int w, int h, QuantisationTable table) {
    // mirrored by one block on each side, so every shift covers every pixel with whole blocks
    int pw = w + 2 * N;
    int ph = h + 2 * N;
    double[] padded = new double[pw * ph];
    for (int py = 0; py < ph; py++) {
      int sy = Padding.mirror(py - N, h);
      for (int px = 0; px < pw; px++) {
        padded[py * pw + px] = plane[sy * w + Padding.mirror(px - N, w)];
      }
    }
    double[] sum = new double[w * h];
    for (int shiftY = 0; shiftY < N; shiftY++) {
      for (int shiftX = 0; shiftX < N; shiftX++) {
        int sx = shiftX;
        int sy = shiftY;
        int rows = (ph - sy) / N;
        // blocks of one shift are disjoint, so rows of blocks can run in parallel without changing
        // the order in which any pixel's sum is formed
        IntStream.range(0, rows)
            .parallel()
            .forEach(
                row -> {
                  double[] block = new double[BlockDct.SIZE];
                  double[] coefficients = new double[BlockDct.SIZE];
                  double[] scratch = new double[BlockDct.SIZE];
                  int top = sy + row * N;
                  for (int left = sx; left + N <= pw; left += N) {
                    if (left + N <= N || left >= N + w || top + N <= N || top >= N + h) {
                      continue;
                    }
                    read(padded, pw, left, top, block);
                    BlockDct.forward(block, coefficients, scratch);
                    for (int k = 0; k < BlockDct.SIZE; k++) {
                      int q = table.step(k);
                      coefficients[k] = q * Math.rint(coefficients[k] / q);
                    }
                    BlockDct.inverse(coefficients, block, scratch);
                    for (int by = 0; by < N; by++) {
                      int y = top + by - N;
                      if (y < 0 || y >= h) {
                        continue;
                      }
                      for (int bx = 0; bx < N; bx++) {
                        int x = left + bx - N;
                        if (x >= 0 && x < w) {
                          sum[y * w + x] += block[by * N + bx];
                        }
                      }
                    }
                  }
                });
      }
    }
    for (int i = 0; i < sum.length; i++) {
      sum[i] /= N * N;
    }
    return sum;
  }

  /**
   * Moves {@code estimate} to the nearest image (coefficient by coefficient) whose DCT on the
   * original grid quantises as {@code decoded}'s does. Blocks cut by the image border are left as
   * they are: the encoder padded them with pixels we do not have.
   */
  static void project(
      double[] estimate, double[] decoded, int w, int h, QuantisationTable table, int gx, int gy) {
    int rows = (h - gy) / N;
    IntStream.range(0, rows)
        .parallel()
        .forEach(
            row -> {
              double[] block = new double[BlockDct.SIZE];
              double[] observed = new double[BlockDct.SIZE];
              double[] coefficients = new double[BlockDct.SIZE];
              double[] scratch = new double[BlockDct.SIZE];
              int top = gy + row * N;
              for (int left = gx; left + N <= w; left += N) {
                read(decoded, w, left, top, block);
                BlockDct.forward(block, observed, scratch);
                read(estimate, w, left, top, block);
                BlockDct.forward(block, coefficients, scratch);
                for (int k = 0; k < BlockDct.SIZE; k++) {
                  double q = table.step(k);
                  double centre = q * Math.rint(observed[k] / q);
                  coefficients[k] =
                      Math.max(centre - q / 2, Math.min(centre + q / 2, coefficients[k]));
                }
                BlockDct.inverse(coefficients, block, scratch);
                for (int by = 0; by < N; by++) {
                  System.arraycopy(block, by * N, estimate, (top + by) * w + left, N);
                }
              }
            });
  }

  private static void read(double[] plane, int stride, int left, int top, double[] block) {
    for (int by = 0; by < N; by++) {
      System.arraycopy(plane, (top + by) * stride + left, block, by * N, N);
    }
  }
}
