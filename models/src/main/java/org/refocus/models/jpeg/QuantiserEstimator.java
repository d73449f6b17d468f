package org.refocus.models.jpeg;

import java.util.Arrays;
import java.util.Optional;
import org.refocus.models.image.PlanarImage;

/**
 * Reads a past JPEG compression back out of decoded pixels: on the block grid the encoder used,
 * each DCT coefficient of a decoded image sits on a multiple of its quantiser step (up to the
 * decoder's rounding), and on no other grid does it. The largest step whose multiples the
 * coefficients cluster on is the step the encoder used (Fan and de Queiroz, "Identification of
 * bitmap compression history", 2003).
 *
 * <p>Steps the image gives too little evidence for (high frequencies quantised to zero everywhere)
 * are taken from the standard table of the nearest IJG quality, fitted on the measured steps.
 */
public final class QuantiserEstimator {

  private static final int N = BlockDct.N;

  /**
   * How far (in levels) a coefficient may sit from a multiple of the step and still count as on it:
   * a decoder's rounding moves coefficients by σ ≈ 0.35. The window is absolute, not relative to
   * the step: where only ±1 multiples occur, a relative test cannot tell 24 from 26.
   */
  static final double WINDOW = 0.8;

  /**
   * Share of the coefficients on non-zero multiples that must sit in the window. Values never
   * quantised by q land there with probability 1.6 / q (53% at q = 3); clipped highlights and
   * shadows are the outliers a real JPEG has.
   */
  static final double CLUSTERED_SHARE = 0.8;

  /** Coefficients on non-zero multiples needed before a step counts as measured. */
  static final int MIN_EVIDENCE = 24;

  /**
   * Decoders return DC up to ±4 levels off its multiple (measured on libjpeg output: a block's
   * pixels do not round independently of its mean), so DC gets a wider window and is only measured
   * where the step is large enough for that window to mean something; below, the standard table's
   * DC step stands in.
   */
  static final double DC_WINDOW = 4.5;

  static final int SMALLEST_DC_STEP = 14;

  /** Below 3, chance lands most values in the window (see {@link #CLUSTERED_SHARE}). */
  static final int SMALLEST_STEP = 3;

  /** Measured steps needed, and the share of them the fitted standard table must match. */
  static final int MIN_MEASURED = 6;

  static final double MIN_AGREEMENT = 0.8;

  static final int MAX_BLOCKS = 8192;

  static final int PROBE_BLOCKS = 512;

  /** (0,1), (1,0), (1,1), (0,2), (2,0) in natural order. */
  private static final int[] PROBE_FREQUENCIES = {1, 8, 9, 2, 16};

  private QuantiserEstimator() {}

  /**
   * @return the trace, or empty when no JPEG quantiser shows (never compressed, compressed so
   *     lightly that the steps drown in rounding, or resampled since)
   */
  public static Optional<CompressionTrace> estimate(PlanarImage image) {
    int width = image.width();
    int height = image.height();
    if (width < 4 * N || height < 4 * N) {
      return Optional.empty();
    }
    int[] origin = gridOrigin(image);
    if (origin == null) {
      return Optional.empty();
    }
    int gridX = origin[0];
    int gridY = origin[1];
    double[][] coefficients = blockCoefficients(image, gridX, gridY, MAX_BLOCKS);
    int[] measured = new int[BlockDct.SIZE];
    int count = 0;
    for (int k = 0; k < BlockDct.SIZE; k++) {
      measured[k] =
          k == 0
              ? step(coefficients[k], DC_WINDOW, SMALLEST_DC_STEP)
              : step(coefficients[k], WINDOW, SMALLEST_STEP);
      if (measured[k] > 0) {
        count++;
      }
    }
    if (count < MIN_MEASURED) {
      return Optional.empty();
    }
    int quality = nearestQuality(measured);
    int[] standard = QuantisationTable.ijgLuminance(quality).steps();
    int agreeing = 0;
    int[] steps = new int[BlockDct.SIZE];
    for (int k = 0; k < BlockDct.SIZE; k++) {
      if (measured[k] > 0) {
        agreeing += Math.abs(measured[k] - standard[k]) <= 1 ? 1 : 0;
        steps[k] = measured[k];
      } else {
        steps[k] = standard[k];
      }
    }
    if (agreeing < MIN_AGREEMENT * count) {
      return Optional.empty();
    }
    return Optional.of(
        new CompressionTrace(new QuantisationTable(steps, quality), gridX, gridY, count));
  }

  /**
   * The Y a JPEG encoder quantises: full-range BT.601 on 0..255, level-shifted to −128..127. (Not
   * the studio-swing Y that quality metrics use: its 219/255 scale would shrink every step.)
   */
  static double luma(PlanarImage image, int i) {
    if (image.colourChannels() == 1) {
      return image.plane(0)[i] * 255.0 - 128;
    }
    double y = 0.299 * image.plane(0)[i] + 0.587 * image.plane(1)[i] + 0.114 * image.plane(2)[i];
    return y * 255.0 - 128;
  }

  /**
   * Whether a channel sits at the end of its range. A decoder clamps RGB there, which moves the
   * luma recomputed from it off the quantisation grid: saturated colours and blown highlights would
   * otherwise bury the clustering.
   */
  static boolean clipped(PlanarImage image, int i) {
    for (int c = 0; c < image.colourChannels(); c++) {
      float v = image.plane(c)[i];
      if (v <= 0f || v >= 1f) {
        return true;
      }
    }
    return false;
  }

  /**
   * Where the block grid starts: of all 64 origins, the one on which the lowest AC coefficients
   * show a quantiser step. The steps between neighbours (largest across block edges) decide ties
   * and are tried first; on their own they fail at high quality, where edges barely show.
   *
   * @return {gridX, gridY}, or null when no origin shows a step
   */
  static int[] gridOrigin(PlanarImage image) {
    int edgeX = gridPhase(image, true);
    int edgeY = gridPhase(image, false);
    int[] best = {edgeX, edgeY};
    int bestScore = probe(image, edgeX, edgeY);
    for (int gy = 0; gy < N && bestScore < PROBE_FREQUENCIES.length; gy++) {
      for (int gx = 0; gx < N; gx++) {
        int score = probe(image, gx, gy);
        if (score > bestScore) {
          bestScore = score;
          best = new int[] {gx, gy};
        }
      }
    }
    // no step on any grid: not a JPEG, and not worth measuring all 64 frequencies to confirm
    return bestScore == 0 ? null : best;
  }

  /** How many of the five lowest AC frequencies show a step on this grid (on a few blocks). */
  private static int probe(PlanarImage image, int gx, int gy) {
    double[][] c = blockCoefficients(image, gx, gy, PROBE_BLOCKS);
    int score = 0;
    for (int k : PROBE_FREQUENCIES) {
      score += step(c[k], WINDOW, SMALLEST_STEP) > 0 ? 1 : 0;
    }
    return score;
  }

  /** The offset (0..7) where steps between neighbours are largest on average: the block edges. */
  static int gridPhase(PlanarImage image, boolean columns) {
    int w = image.width();
    int h = image.height();
    double[] energy = new double[N];
    for (int y = columns ? 0 : 1; y < h; y++) {
      for (int x = columns ? 1 : 0; x < w; x++) {
        int i = y * w + x;
        double d = Math.abs(luma(image, i) - luma(image, columns ? i - 1 : i - w));
        energy[(columns ? x : y) % N] += d;
      }
    }
    int best = 0;
    for (int phase = 1; phase < N; phase++) {
      if (energy[phase] > energy[best]) {
        best = phase;
      }
    }
    return best;
  }

  /**
   * coefficients[k][block] of level-shifted luma over blocks with no clipped pixel, sampled over at
   * most {@code maxBlocks} blocks.
   */
  static double[][] blockCoefficients(PlanarImage image, int gx, int gy, int maxBlocks) {
    int w = image.width();
    int h = image.height();
    int across = (w - gx) / N;
    int down = (h - gy) / N;
    // a few thousand blocks settle every step; more only cost time on large scans
    int stride = Math.max(1, (int) Math.sqrt((double) across * down / maxBlocks));
    int capacity = ((across + stride - 1) / stride) * ((down + stride - 1) / stride);
    double[][] kept = new double[BlockDct.SIZE][capacity];
    int count = 0;
    double[] block = new double[BlockDct.SIZE];
    double[] c = new double[BlockDct.SIZE];
    double[] scratch = new double[BlockDct.SIZE];
    for (int by = 0; by < down; by += stride) {
      for (int bx = 0; bx < across; bx += stride) {
        if (readUnclipped(image, gx + bx * N, gy + by * N, block)) {
          BlockDct.forward(block, c, scratch);
          for (int k = 0; k < BlockDct.SIZE; k++) {
            kept[k][count] = c[k];
          }
          count++;
        }
      }
    }
    for (int k = 0; k < BlockDct.SIZE; k++) {
      kept[k] = Arrays.copyOf(kept[k], count);
    }
    return kept;
  }

  private static boolean readUnclipped(PlanarImage image, int left, int top, double[] block) {
    int w = image.width();
    for (int y = 0; y < N; y++) {
      int row = (top + y) * w + left;
      for (int x = 0; x < N; x++) {
        if (clipped(image, row + x)) {
          return false;
        }
        block[y * N + x] = luma(image, row + x);
      }
    }
    return true;
  }

  /** The largest step the values cluster on, or 0 when they do not show one. */
  static int step(double[] values, double window, int smallest) {
    double[] magnitudes = new double[values.length];
    for (int i = 0; i < values.length; i++) {
      magnitudes[i] = Math.abs(values[i]);
    }
    Arrays.sort(magnitudes);
    int n = magnitudes.length;
    int largest = n == 0 ? 0 : (int) Math.min(255, Math.floor(2 * magnitudes[n - 1]));
    for (int q = largest; q >= smallest; q--) {
      // only values that quantise to a non-zero multiple speak for q: zeros fit every step
      int from = firstAtLeast(magnitudes, q / 2.0);
      if (n - from < MIN_EVIDENCE) {
        continue;
      }
      int inside = 0;
      for (int i = from; i < n; i++) {
        double v = magnitudes[i];
        inside += Math.abs(v - q * Math.rint(v / q)) <= window ? 1 : 0;
      }
      if (inside >= CLUSTERED_SHARE * (n - from)) {
        return q;
      }
    }
    return 0;
  }

  private static int firstAtLeast(double[] sorted, double bound) {
    int lo = 0;
    int hi = sorted.length;
    while (lo < hi) {
      int mid = (lo + hi) >>> 1;
      if (sorted[mid] < bound) {
        lo = mid + 1;
      } else {
        hi = mid;
      }
    }
    return lo;
  }

  /** The IJG quality whose table is closest (least absolute difference) on the measured steps. */
  static int nearestQuality(int[] measured) {
    int best = 50;
    double bestDistance = Double.POSITIVE_INFINITY;
    for (int quality = 1; quality <= 100; quality++) {
      int[] table = QuantisationTable.ijgLuminance(quality).steps();
      double distance = 0;
      for (int k = 0; k < BlockDct.SIZE; k++) {
        if (measured[k] > 0) {
          distance += Math.abs(measured[k] - table[k]);
        }
      }
      if (distance < bestDistance) {
        bestDistance = distance;
        best = quality;
      }
    }
    return best;
  }
}
