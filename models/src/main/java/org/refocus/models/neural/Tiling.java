package org.refocus.models.neural;

import java.util.ArrayList;
import java.util.List;

/**
 * How an image is cut for inference, in input pixels: square tiles of side {@code tile} that
 * overlap their neighbours by {@code overlap}. Within an overlap the first {@code margin} pixels
 * from a tile's inner edge are discarded (they saw zero padding where the whole image has pixels),
 * and the rest is cross-faded linearly, so no seam survives.
 */
public record Tiling(int tile, int overlap, int margin) {

  public Tiling {
    if (overlap < 0 || margin < 0 || (overlap > 0 ? 2 * margin >= overlap : margin > 0)) {
      throw new IllegalArgumentException(
          "overlap " + overlap + " must exceed twice the margin " + margin);
    }
    if (tile <= overlap) {
      throw new IllegalArgumentException("tile " + tile + " must exceed the overlap " + overlap);
    }
  }

  /** Start offsets of the tiles along an axis of {@code size} pixels; the last one ends flush. */
  List<Integer> starts(int size) {
    List<Integer> starts = new ArrayList<>();
    if (size <= tile) {
      starts.add(0);
      return starts;
    }
    int step = tile - overlap;
    for (int s = 0; ; s += step) {
      if (s + tile >= size) {
        starts.add(size - tile);
        return starts;
      }
      starts.add(s);
    }
  }

  /**
   * Blending weight of an output sample at input coordinate {@code u} (sample centre) in a tile
   * spanning [{@code from}, {@code to}) of an axis of {@code size}: 1 inside, ramping to 0 toward
   * an inner edge; image edges are not inner edges.
   */
  float weight(double u, int from, int to, int size) {
    double d = Double.POSITIVE_INFINITY;
    if (from > 0) {
      d = u - from;
    }
    if (to < size) {
      d = Math.min(d, to - u);
    }
    if (d == Double.POSITIVE_INFINITY || overlap == 0) {
      return 1f;
    }
    double ramp = (d - margin) / (overlap - 2.0 * margin);
    return (float) Math.max(0.0, Math.min(1.0, ramp));
  }

  public int tileCount(int width, int height) {
    return starts(width).size() * starts(height).size();
  }
}
