package org.refocus.models.assess;

/**
 * JPEG blockiness: how much larger the steps between neighbouring pixels are across the 8×8 block
 * grid than inside the blocks. 1.0 means no grid shows; heavy JPEG compression gives clearly more.
 * Measured on luma, with the grid anchored at the top-left corner as JPEG anchors it.
 */
final class Blockiness {

  static final int GRID = 8;

  private Blockiness() {}

  static double ratio(GrayPlane p) {
    int w = p.width();
    int h = p.height();
    if (w < 2 * GRID || h < 2 * GRID) {
      return 1;
    }
    double across = 0;
    double inside = 0;
    long acrossCount = 0;
    long insideCount = 0;
    for (int y = 0; y < h; y++) {
      for (int x = 1; x < w; x++) {
        double d = Math.abs(p.at(x, y) - p.at(x - 1, y));
        if (x % GRID == 0) {
          across += d;
          acrossCount++;
        } else {
          inside += d;
          insideCount++;
        }
      }
    }
    for (int y = 1; y < h; y++) {
      for (int x = 0; x < w; x++) {
        double d = Math.abs(p.at(x, y) - p.at(x, y - 1));
        if (y % GRID == 0) {
          across += d;
          acrossCount++;
        } else {
          inside += d;
          insideCount++;
        }
      }
    }
    double meanInside = inside / insideCount;
    return meanInside == 0 ? 1 : (across / acrossCount) / meanInside;
  }

  /**
   * Steps across the 8×8 grid over steps through the middle of the blocks (offset 4). An image
   * enlarged 2× or 4× repeats every 2 or 4 pixels, which inflates {@link #ratio} but treats both
   * offsets alike; only a block grid tells them apart.
   */
  static double gridOverMidBlock(GrayPlane p) {
    int w = p.width();
    int h = p.height();
    if (w < 2 * GRID || h < 2 * GRID) {
      return 1;
    }
    double across = 0;
    double middle = 0;
    for (int y = 1; y < h; y++) {
      for (int x = 1; x < w; x++) {
        double dx = Math.abs(p.at(x, y) - p.at(x - 1, y));
        double dy = Math.abs(p.at(x, y) - p.at(x, y - 1));
        if (x % GRID == 0) {
          across += dx;
        } else if (x % GRID == GRID / 2) {
          middle += dx;
        }
        if (y % GRID == 0) {
          across += dy;
        } else if (y % GRID == GRID / 2) {
          middle += dy;
        }
      }
    }
    return middle == 0 ? 1 : across / middle;
  }
}
