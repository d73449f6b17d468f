package org.refocus.models.restore;

/** Full-range BT.601 YCbCr (JPEG's), on the 0..1 scale with chroma centred on 0. */
final class YCbCr {

  private YCbCr() {}

  static float[][] fromRgb(float[] r, float[] g, float[] b) {
    int n = r.length;
    float[] y = new float[n];
    float[] cb = new float[n];
    float[] cr = new float[n];
    for (int i = 0; i < n; i++) {
      y[i] = 0.299f * r[i] + 0.587f * g[i] + 0.114f * b[i];
      cb[i] = -0.168736f * r[i] - 0.331264f * g[i] + 0.5f * b[i];
      cr[i] = 0.5f * r[i] - 0.418688f * g[i] - 0.081312f * b[i];
    }
    return new float[][] {y, cb, cr};
  }

  static float[][] toRgb(float[] y, float[] cb, float[] cr) {
    int n = y.length;
    float[] r = new float[n];
    float[] g = new float[n];
    float[] b = new float[n];
    for (int i = 0; i < n; i++) {
      r[i] = y[i] + 1.402f * cr[i];
      g[i] = y[i] - 0.344136f * cb[i] - 0.714136f * cr[i];
      b[i] = y[i] + 1.772f * cb[i];
    }
    return new float[][] {r, g, b};
  }
}
