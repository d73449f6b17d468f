package org.refocus.models.neural;

/**
 * Collects tiled RGB output rows into the planes of the whole image: three for colour, or their
 * mean for a gray image, which went through the model as three equal channels.
 */
final class PlaneSink implements RowSink {

  private final float[][] planes;

  PlaneSink(int channels, int width, int height) {
    this.planes = new float[channels][Math.multiplyExact(width, height)];
  }

  @Override
  public void accept(int y, int rows, int width, float[][] rgb) {
    int offset = y * width;
    int n = rows * width;
    if (planes.length == 3) {
      for (int c = 0; c < 3; c++) {
        System.arraycopy(rgb[c], 0, planes[c], offset, n);
      }
    } else {
      for (int i = 0; i < n; i++) {
        planes[0][offset + i] = (rgb[0][i] + rgb[1][i] + rgb[2][i]) / 3f;
      }
    }
  }

  float[][] planes() {
    return planes;
  }
}
