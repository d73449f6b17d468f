package org.refocus.models.restore;

import java.util.Arrays;

/**
 * A blur kernel: odd-sized, centred, non-negative, summing to one. The value at (x, y) is the share
 * of a point's light that lands x − r right and y − r down of it, r being the radius.
 */
public final class PointSpreadFunction {

  private final int radius;
  private final double[] weights;

  private PointSpreadFunction(int radius, double[] weights) {
    this.radius = radius;
    this.weights = weights;
  }

  /** From rows of weights; normalised to sum one. */
  public static PointSpreadFunction of(double[][] kernel) {
    int size = kernel.length;
    if (size % 2 == 0 || Arrays.stream(kernel).anyMatch(row -> row.length != size)) {
      throw new IllegalArgumentException("a PSF is square with an odd side, not " + size + " rows");
    }
    double[] weights = new double[size * size];
    double sum = 0;
    for (int y = 0; y < size; y++) {
      for (int x = 0; x < size; x++) {
        double w = kernel[y][x];
        if (w < 0 || !Double.isFinite(w)) {
          throw new IllegalArgumentException("PSF weights must be finite and non-negative");
        }
        weights[y * size + x] = w;
        sum += w;
      }
    }
    if (sum <= 0) {
      throw new IllegalArgumentException("a PSF needs some positive weight");
    }
    for (int i = 0; i < weights.length; i++) {
      weights[i] /= sum;
    }
    return new PointSpreadFunction(size / 2, weights);
  }

  /** Straight motion over {@code length} pixels at {@code degrees} (counter-clockwise as shown). */
  public static PointSpreadFunction motion(double length, double degrees) {
    int r = (int) Math.ceil(length / 2) + 1;
    int size = 2 * r + 1;
    double[][] k = new double[size][size];
    double rad = Math.toRadians(degrees);
    int samples = Math.max(2, (int) Math.ceil(length * 20));
    for (int i = 0; i <= samples; i++) {
      double t = -length / 2 + length * i / samples;
      splat(k, r + t * Math.cos(rad), r - t * Math.sin(rad));
    }
    return of(k);
  }

  /** A uniform disk of {@code radius} pixels, edge pixels weighted by the area they cover. */
  public static PointSpreadFunction disk(double radius) {
    int r = (int) Math.ceil(radius) + 1;
    int size = 2 * r + 1;
    double[][] k = new double[size][size];
    int sub = 8;
    for (int y = 0; y < size; y++) {
      for (int x = 0; x < size; x++) {
        int inside = 0;
        for (int sy = 0; sy < sub; sy++) {
          for (int sx = 0; sx < sub; sx++) {
            double dx = x - r + (sx + 0.5) / sub - 0.5;
            double dy = y - r + (sy + 0.5) / sub - 0.5;
            if (dx * dx + dy * dy <= radius * radius) {
              inside++;
            }
          }
        }
        k[y][x] = inside;
      }
    }
    return of(k);
  }

  /**
   * The same blur translated by whole pixels so that its centroid lies within half a pixel of the
   * centre, the square grown where the shift needs room. A measured kernel's file places it
   * anywhere in its array (KAIR's k10 sits 2 px right and 1.4 px up of centre), and blurring with
   * it then also moves the picture: a translation no deblurring can see in the blurred image alone,
   * which comparisons against the sharp original would count as error.
   */
  public PointSpreadFunction centred() {
    double[] c = centroid();
    int sx = (int) Math.round(c[0]);
    int sy = (int) Math.round(c[1]);
    if (sx == 0 && sy == 0) {
      return this;
    }
    int r = radius + Math.max(Math.abs(sx), Math.abs(sy));
    int size = 2 * r + 1;
    double[][] k = new double[size][size];
    for (int dy = -radius; dy <= radius; dy++) {
      for (int dx = -radius; dx <= radius; dx++) {
        k[dy - sy + r][dx - sx + r] = at(dx, dy);
      }
    }
    return of(k);
  }

  /** The weight's centre of mass, (x, y) from the square's centre. */
  private double[] centroid() {
    double cx = 0;
    double cy = 0;
    for (int dy = -radius; dy <= radius; dy++) {
      for (int dx = -radius; dx <= radius; dx++) {
        cx += dx * at(dx, dy);
        cy += dy * at(dx, dy);
      }
    }
    return new double[] {cx, cy};
  }

  private static void splat(double[][] k, double x, double y) {
    int x0 = (int) Math.floor(x);
    int y0 = (int) Math.floor(y);
    double fx = x - x0;
    double fy = y - y0;
    k[y0][x0] += (1 - fx) * (1 - fy);
    k[y0][x0 + 1] += fx * (1 - fy);
    k[y0 + 1][x0] += (1 - fx) * fy;
    k[y0 + 1][x0 + 1] += fx * fy;
  }

  public int radius() {
    return radius;
  }

  public int size() {
    return 2 * radius + 1;
  }

  /**
   * The width and height in pixels of the smallest rectangle holding all its weight: how far the
   * blur spreads a point, whatever the square it is stored in.
   */
  public int[] supportExtent() {
    int minX = radius;
    int maxX = -radius;
    int minY = radius;
    int maxY = -radius;
    for (int dy = -radius; dy <= radius; dy++) {
      for (int dx = -radius; dx <= radius; dx++) {
        if (at(dx, dy) > 0) {
          minX = Math.min(minX, dx);
          maxX = Math.max(maxX, dx);
          minY = Math.min(minY, dy);
          maxY = Math.max(maxY, dy);
        }
      }
    }
    return new int[] {maxX - minX + 1, maxY - minY + 1};
  }

  /**
   * The root-mean-square distance of its weight from its centroid, in pixels: how far the blur
   * spreads a point, counting weight rather than extent (a straight line of length L reads L/√12, a
   * disk of radius r reads r/√2).
   */
  public double gyrationRadius() {
    double[] c = centroid();
    double cx = c[0];
    double cy = c[1];
    double spread = 0;
    for (int dy = -radius; dy <= radius; dy++) {
      for (int dx = -radius; dx <= radius; dx++) {
        spread += at(dx, dy) * ((dx - cx) * (dx - cx) + (dy - cy) * (dy - cy));
      }
    }
    return Math.sqrt(spread);
  }

  /**
   * How alike two kernels are whatever their placement: the largest normalised correlation of their
   * weights over translations of up to {@code maxShift} pixels, 1 for the same shape, toward 0 for
   * shapes that share no pixel. Two estimates of one blur may sit a pixel or two apart, since each
   * is centred on its own centroid and their faint tails differ.
   */
  public double agreement(PointSpreadFunction other, int maxShift) {
    double self = 0;
    for (double w : weights) {
      self += w * w;
    }
    double theirs = 0;
    for (double w : other.weights) {
      theirs += w * w;
    }
    double best = 0;
    for (int sy = -maxShift; sy <= maxShift; sy++) {
      for (int sx = -maxShift; sx <= maxShift; sx++) {
        best = Math.max(best, correlation(other, sx, sy));
      }
    }
    return best / Math.sqrt(self * theirs);
  }

  /** Σ this(x, y) · other(x + sx, y + sy) over the offsets both hold. */
  private double correlation(PointSpreadFunction other, int sx, int sy) {
    int r = other.radius;
    double sum = 0;
    for (int dy = Math.max(-radius, -r - sy); dy <= Math.min(radius, r - sy); dy++) {
      for (int dx = Math.max(-radius, -r - sx); dx <= Math.min(radius, r - sx); dx++) {
        sum += at(dx, dy) * other.at(dx + sx, dy + sy);
      }
    }
    return sum;
  }

  /** Weight at offset (dx, dy) from the centre, each in −radius..radius. */
  public double at(int dx, int dy) {
    return weights[(dy + radius) * size() + dx + radius];
  }
}
