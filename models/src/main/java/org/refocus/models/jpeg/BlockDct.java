package org.refocus.models.jpeg;

/**
 * The 8×8 two-dimensional DCT-II that JPEG quantises, orthonormal, so a coefficient here is the
 * coefficient a JPEG encoder divides by its quantiser (on the 0..255 scale). Separable: rows, then
 * columns, with the basis precomputed once.
 */
public final class BlockDct {

  public static final int N = 8;
  public static final int SIZE = N * N;

  /** BASIS[u * N + x] = c(u) cos((2x + 1)uπ / 16). */
  private static final double[] BASIS = basis();

  private BlockDct() {}

  private static double[] basis() {
    double[] b = new double[SIZE];
    for (int u = 0; u < N; u++) {
      double c = u == 0 ? Math.sqrt(1.0 / N) : Math.sqrt(2.0 / N);
      for (int x = 0; x < N; x++) {
        b[u * N + x] = c * Math.cos((2 * x + 1) * u * Math.PI / (2 * N));
      }
    }
    return b;
  }

  /** Pixels (row-major 8×8) to coefficients (row v, column u), using {@code scratch} (64). */
  public static void forward(double[] block, double[] coefficients, double[] scratch) {
    // rows: scratch[y][u] = Σx block[y][x] B[u][x]
    for (int y = 0; y < N; y++) {
      for (int u = 0; u < N; u++) {
        double s = 0;
        for (int x = 0; x < N; x++) {
          s += block[y * N + x] * BASIS[u * N + x];
        }
        scratch[y * N + u] = s;
      }
    }
    // columns: coefficients[v][u] = Σy B[v][y] scratch[y][u]
    for (int v = 0; v < N; v++) {
      for (int u = 0; u < N; u++) {
        double s = 0;
        for (int y = 0; y < N; y++) {
          s += BASIS[v * N + y] * scratch[y * N + u];
        }
        coefficients[v * N + u] = s;
      }
    }
  }

  /**
   * Coefficients back to pixels; the transpose of {@link #forward}, as the basis is orthonormal.
   */
  public static void inverse(double[] coefficients, double[] block, double[] scratch) {
    for (int v = 0; v < N; v++) {
      for (int x = 0; x < N; x++) {
        double s = 0;
        for (int u = 0; u < N; u++) {
          s += coefficients[v * N + u] * BASIS[u * N + x];
        }
        scratch[v * N + x] = s;
      }
    }
    for (int y = 0; y < N; y++) {
      for (int x = 0; x < N; x++) {
        double s = 0;
        for (int v = 0; v < N; v++) {
          s += BASIS[v * N + y] * scratch[v * N + x];
        }
        block[y * N + x] = s;
      }
    }
  }
}
