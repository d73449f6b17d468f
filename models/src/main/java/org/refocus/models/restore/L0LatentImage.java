package org.refocus.models.restore;

/**
 * The sharp image a kernel estimator alternates with: x minimising ‖k∗x − y‖² + λ·‖∇x‖₀, the count
 * of non-zero gradients (Xu, Lu, Xu and Jia, "Unnatural L0 sparse representation for natural image
 * deblurring", CVPR 2013; as Pan, Hu, Su and Yang use it for text and photographs, CVPR 2014).
 *
 * <p>Not a restoration: the L0 prior keeps only strong, step-like edges and flattens everything
 * else, which is what makes the kernel's fit on its gradients well posed. Solved by half-quadratic
 * splitting on a periodic plane: per pixel the gradient pair (∂ₕx, ∂ᵥx) is kept whole or set to
 * zero, whichever costs less (kept where its squared length reaches λ/β), then x solved diagonally
 * in the Fourier domain ({@link HyperLaplacianDeconvolution#xStep}), β doubling from 2λ to 10⁵.
 */
final class L0LatentImage {

  static final double BETA_MAX = 1e5;
  static final double BETA_GROWTH = 2;

  private L0LatentImage() {}

  /** The latent image of periodic {@code plane} under {@code kernel}, from x = y. */
  static double[] solve(PlaneFourier fourier, double[] plane, KernelGrid kernel, double lambda) {
    int width = fourier.width();
    int height = fourier.height();
    int n = width * height;
    double[] blurPower = new double[n];
    double[] data =
        HyperLaplacianDeconvolution.blurCorrelated(
            fourier, plane, fourier.transferFunction(kernel), blurPower);
    double[] gradientPower = HyperLaplacianDeconvolution.differencePower(width, height);
    double[] x = plane.clone();
    double[] wx = new double[n];
    double[] wy = new double[n];
    double[] spectrum = new double[2 * n];
    for (double beta = 2 * lambda; beta < BETA_MAX; beta *= BETA_GROWTH) {
      keepStrongGradients(x, wx, wy, width, height, lambda / beta);
      HyperLaplacianDeconvolution.xStep(
          fourier, data, blurPower, gradientPower, wx, wy, beta, spectrum, x);
    }
    return x;
  }

  /** The L0 w-step: forward differences kept where their squared length reaches the bar. */
  private static void keepStrongGradients(
      double[] x, double[] wx, double[] wy, int width, int height, double bar) {
    PeriodicDifferences.of(x, width, height, wx, wy);
    for (int i = 0; i < wx.length; i++) {
      if (wx[i] * wx[i] + wy[i] * wy[i] < bar) {
        wx[i] = 0;
        wy[i] = 0;
      }
    }
  }
}
