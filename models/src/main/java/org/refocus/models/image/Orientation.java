package org.refocus.models.image;

/**
 * The eight EXIF orientations as pixel transforms. Applying orientation {@code n} to the image as
 * stored yields the image as it should be displayed.
 */
public final class Orientation {

  private Orientation() {}

  public static PlanarImage upright(PlanarImage stored, int orientation) {
    if (orientation < 1 || orientation > 8) {
      throw new IllegalArgumentException("EXIF orientation is 1..8, not " + orientation);
    }
    if (orientation == 1) {
      return stored;
    }
    int w = stored.width();
    int h = stored.height();
    boolean swap = orientation >= 5;
    int ow = swap ? h : w;
    int oh = swap ? w : h;
    float[][] colour = new float[stored.colourChannels()][];
    for (int c = 0; c < colour.length; c++) {
      colour[c] = transform(stored.plane(c), w, h, orientation);
    }
    float[] alpha = stored.hasAlpha() ? transform(stored.alpha(), w, h, orientation) : null;
    return PlanarImage.of(ow, oh, colour, alpha);
  }

  private static float[] transform(float[] in, int w, int h, int orientation) {
    float[] out = new float[in.length];
    boolean swap = orientation >= 5;
    int ow = swap ? h : w;
    for (int y = 0; y < h; y++) {
      for (int x = 0; x < w; x++) {
        int ox;
        int oy;
        switch (orientation) {
          case 2 -> { // mirrored horizontally
            ox = w - 1 - x;
            oy = y;
          }
          case 3 -> { // rotated 180°
            ox = w - 1 - x;
            oy = h - 1 - y;
          }
          case 4 -> { // mirrored vertically
            ox = x;
            oy = h - 1 - y;
          }
          case 5 -> { // transposed
            ox = y;
            oy = x;
          }
          case 6 -> { // stored rotated 90° counter-clockwise: turn clockwise
            ox = h - 1 - y;
            oy = x;
          }
          case 7 -> { // transversed
            ox = h - 1 - y;
            oy = w - 1 - x;
          }
          default -> { // 8: stored rotated 90° clockwise: turn counter-clockwise
            ox = y;
            oy = w - 1 - x;
          }
        }
        out[oy * ow + ox] = in[y * w + x];
      }
    }
    return out;
  }
}
