package org.refocus.models.restore;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import org.opencv.imgproc.Imgproc;

/**
 * A kernel being estimated: a square of odd side, row-major, centre at (side/2, side/2), the value
 * at (x, y) the share of light moved x − side/2 right and y − side/2 down. Unlike a {@link
 * PointSpreadFunction} it may hold any values while a solver works on it; the clean-ups that make
 * it a blur again (cut, prune, normalise, centre) are its methods.
 */
final class KernelGrid {

  private final int side;
  private final double[] weights;

  KernelGrid(int side, double[] weights) {
    if (side % 2 == 0 || weights.length != side * side) {
      throw new IllegalArgumentException("a kernel grid is square with an odd side, not " + side);
    }
    this.side = side;
    this.weights = weights;
  }

  /**
   * Two neighbouring pixels of half weight each, centre and left of it: where the coarsest scale
   * starts. (A delta would be a fixed point of the alternation, blur explained by no blur.)
   */
  static KernelGrid initial(int side) {
    double[] w = new double[side * side];
    int c = side / 2;
    w[c * side + c - 1] = 0.5;
    w[c * side + c] = 0.5;
    return new KernelGrid(side, w);
  }

  int side() {
    return side;
  }

  int radius() {
    return side / 2;
  }

  /** Weight at offset (dx, dy) from the centre. */
  double at(int dx, int dy) {
    return weights[(dy + radius()) * side + dx + radius()];
  }

  double[] weights() {
    return weights.clone();
  }

  /**
   * Values under {@code fraction} of the peak, negatives among them, set to zero; the rest scaled
   * to sum one. Throws {@link NoBlurFound} when nothing positive is left: the solve found no blur.
   */
  KernelGrid cutBelow(double fraction) {
    double floor = fraction * peak();
    double[] out = new double[weights.length];
    for (int i = 0; i < out.length; i++) {
      out[i] = survives(weights[i], floor) ? weights[i] : 0;
    }
    return normalised(out);
  }

  /**
   * The share of the positive weight that {@link #cutBelow} at {@code fraction} keeps; 0 where
   * there is none.
   */
  double shareAtLeast(double fraction) {
    double floor = fraction * peak();
    double total = 0;
    double kept = 0;
    for (double w : weights) {
      total += Math.max(w, 0);
      kept += survives(w, floor) ? w : 0;
    }
    return total > 0 ? kept / total : 0;
  }

  private double peak() {
    double peak = 0;
    for (double w : weights) {
      peak = Math.max(peak, w);
    }
    return peak;
  }

  private static boolean survives(double weight, double floor) {
    return weight > 0 && weight >= floor;
  }

  /**
   * Eight-connected parts of the support holding under {@code share} of a normalised kernel's
   * weight removed: a blur path is one connected stroke, isolated specks are noise the solve
   * fitted.
   */
  KernelGrid pruned(double share) {
    double[] out = weights.clone();
    int[] part = new int[out.length];
    int parts = 0;
    ArrayDeque<Integer> queue = new ArrayDeque<>();
    for (int seed = 0; seed < out.length; seed++) {
      if (out[seed] <= 0 || part[seed] != 0) {
        continue;
      }
      parts++;
      part[seed] = parts;
      queue.add(seed);
      double sum = 0;
      List<Integer> members = new ArrayList<>();
      while (!queue.isEmpty()) {
        int i = queue.poll();
        members.add(i);
        sum += out[i];
        int x = i % side;
        int y = i / side;
        for (int dy = -1; dy <= 1; dy++) {
          for (int dx = -1; dx <= 1; dx++) {
            int nx = x + dx;
            int ny = y + dy;
            if (nx < 0 || ny < 0 || nx >= side || ny >= side) {
              continue;
            }
            int j = ny * side + nx;
            if (out[j] > 0 && part[j] == 0) {
              part[j] = parts;
              queue.add(j);
            }
          }
        }
      }
      if (sum < share) {
        for (int i : members) {
          out[i] = 0;
        }
      }
    }
    return normalised(out);
  }

  /**
   * Moved by whole pixels, wrapping around, so that its centroid is the centre: a blur's position
   * is not observable in the blurred image, and an uncentred kernel shifts the picture.
   */
  KernelGrid centred() {
    double sum = 0;
    double cx = 0;
    double cy = 0;
    for (int y = 0; y < side; y++) {
      for (int x = 0; x < side; x++) {
        double w = weights[y * side + x];
        sum += w;
        cx += w * x;
        cy += w * y;
      }
    }
    int sx = (int) Math.rint(cx / sum) - radius();
    int sy = (int) Math.rint(cy / sum) - radius();
    double[] out = new double[weights.length];
    for (int y = 0; y < side; y++) {
      for (int x = 0; x < side; x++) {
        out[Math.floorMod(y - sy, side) * side + Math.floorMod(x - sx, side)] =
            weights[y * side + x];
      }
    }
    return new KernelGrid(side, out);
  }

  /** Resampled to another side (bilinear), negatives cut, normalised: the next scale's start. */
  KernelGrid resized(int newSide) {
    if (newSide == side) {
      return this;
    }
    double[] w =
        PlaneResampling.resize(weights, side, side, newSide, newSide, Imgproc.INTER_LINEAR);
    for (int i = 0; i < w.length; i++) {
      w[i] = Math.max(w[i], 0);
    }
    return normalised(newSide, w);
  }

  /** The least distance, in pixels, from the support to the square's edge. */
  int margin() {
    int margin = side;
    for (int y = 0; y < side; y++) {
      for (int x = 0; x < side; x++) {
        if (weights[y * side + x] > 0) {
          margin = Math.min(margin, Math.min(Math.min(x, y), Math.min(side - 1 - x, side - 1 - y)));
        }
      }
    }
    return margin;
  }

  PointSpreadFunction toPointSpreadFunction() {
    double[][] rows = new double[side][side];
    for (int y = 0; y < side; y++) {
      System.arraycopy(weights, y * side, rows[y], 0, side);
    }
    return PointSpreadFunction.of(rows);
  }

  private KernelGrid normalised(double[] w) {
    return normalised(side, w);
  }

  private static KernelGrid normalised(int side, double[] w) {
    double sum = 0;
    for (double v : w) {
      sum += v;
    }
    if (!(sum > 0)) {
      throw new NoBlurFound();
    }
    for (int i = 0; i < w.length; i++) {
      w[i] /= sum;
    }
    return new KernelGrid(side, w);
  }

  /** The solve left no positive weight: no blur to deconvolve. */
  static final class NoBlurFound extends RuntimeException {
    NoBlurFound() {
      super("the kernel estimate has no positive weight", null, false, false);
    }
  }
}
