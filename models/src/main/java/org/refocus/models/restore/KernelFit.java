package org.refocus.models.restore;

import java.util.stream.IntStream;

/**
 * The kernel that best blurs the latent image's gradients into the blurred image's: k minimising
 * ‖k∗∂ₕx − ∂ₕy‖² + ‖k∗∂ᵥx − ∂ᵥy‖² + ρ‖k‖², on a periodic plane, by conjugate gradients on the
 * normal equations, then cut at a twentieth of its peak (the ridge leaves a low floor of weight
 * everywhere) and normalised. Fitting gradients rather than intensities is what Cho and Lee found
 * well conditioned: a photograph's smooth areas say nothing about the kernel, its edges everything.
 *
 * <p>The normal operator is a correlation with the gradients' autocorrelation, which is read back
 * once from the spectrum, so each conjugate-gradient step is a small convolution on the kernel's
 * own square rather than two transforms of the whole plane.
 */
final class KernelFit {

  static final double RIDGE = 2;
  static final int ITERATIONS = 20;
  static final double CONVERGED = 1e-5;
  static final double CUT = 0.05;

  private KernelFit() {}

  /**
   * @param blurredX spectrum of the blurred plane's horizontal forward differences (interleaved)
   * @param blurredY …and of its vertical ones
   * @param latentX the latent image's horizontal differences where they may enter the fit, else 0
   * @param latentY …and its vertical ones
   */
  static KernelGrid solve(
      PlaneFourier fourier,
      double[] blurredX,
      double[] blurredY,
      double[] latentX,
      double[] latentY,
      int side) {
    int r = side / 2;
    double[] lx = fourier.forward(latentX);
    double[] ly = fourier.forward(latentY);
    int n = fourier.width() * fourier.height();
    double[] cross = new double[2 * n];
    double[] power = new double[2 * n];
    for (int i = 0; i < n; i++) {
      int re = 2 * i;
      int im = re + 1;
      // conj(L)·B for each direction, summed
      cross[re] =
          lx[re] * blurredX[re]
              + lx[im] * blurredX[im]
              + ly[re] * blurredY[re]
              + ly[im] * blurredY[im];
      cross[im] =
          lx[re] * blurredX[im]
              - lx[im] * blurredX[re]
              + ly[re] * blurredY[im]
              - ly[im] * blurredY[re];
      power[re] = lx[re] * lx[re] + lx[im] * lx[im] + ly[re] * ly[re] + ly[im] * ly[im];
    }
    double[] rhs = fourier.aroundOrigin(fourier.inverse(cross), r);
    double[] autocorrelation = fourier.aroundOrigin(fourier.inverse(power), 2 * r);
    double[] k = conjugateGradients(rhs, autocorrelation, side);
    return new KernelGrid(side, k).cutBelow(CUT);
  }

  private static double[] conjugateGradients(double[] rhs, double[] autocorrelation, int side) {
    double[] k = new double[side * side];
    java.util.Arrays.fill(k, 1.0 / (side * side));
    double[] residual = rhs.clone();
    double[] applied = apply(k, autocorrelation, side);
    for (int i = 0; i < k.length; i++) {
      residual[i] -= applied[i];
    }
    double[] direction = residual.clone();
    double rr = dot(residual, residual);
    for (int iteration = 0; iteration < ITERATIONS; iteration++) {
      double[] ap = apply(direction, autocorrelation, side);
      double step = rr / dot(direction, ap);
      for (int i = 0; i < k.length; i++) {
        k[i] += step * direction[i];
        residual[i] -= step * ap[i];
      }
      double next = dot(residual, residual);
      if (Math.sqrt(next) < CONVERGED) {
        break;
      }
      for (int i = 0; i < k.length; i++) {
        direction[i] = residual[i] + next / rr * direction[i];
      }
      rr = next;
    }
    return k;
  }

  /** (AᵀA + ρI)·k, AᵀA the correlation with the gradients' autocorrelation a. */
  static double[] apply(double[] k, double[] autocorrelation, int side) {
    int span = 2 * side - 1;
    int centre = side - 1;
    double[] out = new double[k.length];
    IntStream.range(0, side)
        .parallel()
        .forEach(
            py -> {
              for (int px = 0; px < side; px++) {
                double sum = RIDGE * k[py * side + px];
                for (int qy = 0; qy < side; qy++) {
                  int row = (py - qy + centre) * span + px + centre;
                  int base = qy * side;
                  for (int qx = 0; qx < side; qx++) {
                    sum += autocorrelation[row - qx] * k[base + qx];
                  }
                }
                out[py * side + px] = sum;
              }
            });
    return out;
  }

  private static double dot(double[] a, double[] b) {
    double sum = 0;
    for (int i = 0; i < a.length; i++) {
      sum += a[i] * b[i];
    }
    return sum;
  }
}
