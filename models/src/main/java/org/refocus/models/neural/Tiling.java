package org.refocus.models.neural;

import java.util.ArrayList;
import java.util.List;

/**
 * How an image is cut for inference, in input pixels: tiles of side {@code tile} that overlap their
 * neighbours by {@code overlap}. Within an overlap the first {@code margin} pixels from a tile's
 * inner edge are discarded (they saw zero padding where the whole image has pixels), and the rest
 * is cross-faded linearly, so no seam survives.
 *
 * <p>The last tile along an axis ends flush with the image. It is only as long as the image has
 * left to cover (with the overlap), rounded up to {@code edgeMultiple} and to no less than {@code
 * edgeMinimum}; with {@code edgeMinimum == tile} every tile is full-size.
 */
public record Tiling(int tile, int overlap, int margin, int edgeMinimum, int edgeMultiple) {

  /** A tile's place along one axis. */
  public record Span(int start, int length) {}

  public Tiling {
    if (overlap < 0 || margin < 0 || (overlap > 0 ? 2 * margin >= overlap : margin > 0)) {
      throw new IllegalArgumentException(
          "overlap " + overlap + " must exceed twice the margin " + margin);
    }
    if (tile <= overlap) {
      throw new IllegalArgumentException("tile " + tile + " must exceed the overlap " + overlap);
    }
    if (edgeMultiple < 1 || edgeMinimum <= overlap || edgeMinimum > tile) {
      throw new IllegalArgumentException(
          "edge tiles of at least "
              + edgeMinimum
              + " in multiples of "
              + edgeMultiple
              + " do not fit tiles of "
              + tile
              + " overlapping by "
              + overlap);
    }
  }

  /** Every tile full-size. */
  public Tiling(int tile, int overlap, int margin) {
    this(tile, overlap, margin, tile, 1);
  }

  /** The tiles along an axis of {@code size} pixels, in order. */
  List<Span> spans(int size) {
    List<Span> spans = new ArrayList<>();
    if (size <= tile) {
      spans.add(new Span(0, size));
      return spans;
    }
    int step = tile - overlap;
    int s = 0;
    for (; s + tile < size; s += step) {
      spans.add(new Span(s, tile));
    }
    // the previous tile ends at s + overlap, so starting at or before s keeps the overlap
    int left = Math.max(size - s, edgeMinimum);
    int length = Math.min(tile, (left + edgeMultiple - 1) / edgeMultiple * edgeMultiple);
    spans.add(new Span(size - length, length));
    return spans;
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
    return spans(width).size() * spans(height).size();
  }
}
