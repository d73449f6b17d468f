package org.refocus.models.neural;

import org.refocus.models.tfjs.ConstTensor;

/** TensorFlow's NHWC layer semantics written out plainly, one image, in double precision. */
final class Reference {

  private Reference() {}

  /** Conv2D with TF padding: "same" pads (out−1)·s + (k−1)·d + 1 − in, the larger half after. */
  static float[][][] conv(
      float[][][] x, ConstTensor kernel, ConstTensor bias, int stride, int dilation, boolean same) {
    int h = x.length;
    int w = x[0].length;
    long[] s = kernel.shape();
    int k = (int) s[0];
    int in = (int) s[2];
    int out = (int) s[3];
    int span = (k - 1) * dilation + 1;
    int oh = same ? (h + stride - 1) / stride : (h - span) / stride + 1;
    int ow = same ? (w + stride - 1) / stride : (w - span) / stride + 1;
    int padTop = same ? Math.max((oh - 1) * stride + span - h, 0) / 2 : 0;
    int padLeft = same ? Math.max((ow - 1) * stride + span - w, 0) / 2 : 0;
    float[] kv = kernel.floats();
    float[][][] y = new float[oh][ow][out];
    for (int oy = 0; oy < oh; oy++) {
      for (int ox = 0; ox < ow; ox++) {
        for (int o = 0; o < out; o++) {
          double sum = bias.floats()[o];
          for (int ky = 0; ky < k; ky++) {
            for (int kx = 0; kx < k; kx++) {
              int iy = oy * stride + ky * dilation - padTop;
              int ix = ox * stride + kx * dilation - padLeft;
              if (iy < 0 || iy >= h || ix < 0 || ix >= w) {
                continue;
              }
              for (int i = 0; i < in; i++) {
                sum += (double) x[iy][ix][i] * kv[((ky * k + kx) * in + i) * out + o];
              }
            }
          }
          y[oy][ox][o] = (float) sum;
        }
      }
    }
    return y;
  }

  static float[][][] relu(float[][][] x) {
    return map(x, v -> Math.max(v, 0f));
  }

  static float[][][] tanh(float[][][] x) {
    return map(x, v -> (float) Math.tanh(v));
  }

  static float[][][] scale(float[][][] x, float f) {
    return map(x, v -> v * f);
  }

  static float[][][] add(float[][][] a, float[][][] b) {
    float[][][] y = new float[a.length][a[0].length][a[0][0].length];
    for (int i = 0; i < a.length; i++) {
      for (int j = 0; j < a[0].length; j++) {
        for (int c = 0; c < a[0][0].length; c++) {
          y[i][j][c] = a[i][j][c] + b[i][j][c];
        }
      }
    }
    return y;
  }

  static float[][][] concat(float[][][] a, float[][][] b) {
    int ca = a[0][0].length;
    int cb = b[0][0].length;
    float[][][] y = new float[a.length][a[0].length][ca + cb];
    for (int i = 0; i < a.length; i++) {
      for (int j = 0; j < a[0].length; j++) {
        System.arraycopy(a[i][j], 0, y[i][j], 0, ca);
        System.arraycopy(b[i][j], 0, y[i][j], ca, cb);
      }
    }
    return y;
  }

  /** tf.nn.depth_to_space, NHWC: out[y·s+i][x·s+j][c] = in[y][x][(i·s+j)·C + c]. */
  static float[][][] depthToSpace(float[][][] x, int s) {
    int c = x[0][0].length / (s * s);
    float[][][] y = new float[x.length * s][x[0].length * s][c];
    for (int yy = 0; yy < x.length; yy++) {
      for (int xx = 0; xx < x[0].length; xx++) {
        for (int i = 0; i < s; i++) {
          for (int j = 0; j < s; j++) {
            for (int ch = 0; ch < c; ch++) {
              y[yy * s + i][xx * s + j][ch] = x[yy][xx][(i * s + j) * c + ch];
            }
          }
        }
      }
    }
    return y;
  }

  static float[][][] upSample(float[][][] x, int rows, int cols) {
    float[][][] y = new float[x.length * rows][x[0].length * cols][];
    for (int i = 0; i < y.length; i++) {
      for (int j = 0; j < y[0].length; j++) {
        y[i][j] = x[i / rows][j / cols].clone();
      }
    }
    return y;
  }

  static float[] toNchw(float[][][] x) {
    int h = x.length;
    int w = x[0].length;
    int c = x[0][0].length;
    float[] out = new float[c * h * w];
    for (int ch = 0; ch < c; ch++) {
      for (int i = 0; i < h; i++) {
        for (int j = 0; j < w; j++) {
          out[(ch * h + i) * w + j] = x[i][j][ch];
        }
      }
    }
    return out;
  }

  private interface FloatOp {
    float apply(float v);
  }

  private static float[][][] map(float[][][] x, FloatOp op) {
    float[][][] y = new float[x.length][x[0].length][x[0][0].length];
    for (int i = 0; i < x.length; i++) {
      for (int j = 0; j < x[0].length; j++) {
        for (int c = 0; c < x[0][0].length; c++) {
          y[i][j][c] = op.apply(x[i][j][c]);
        }
      }
    }
    return y;
  }
}
