package org.refocus.models.restore;

import org.refocus.models.image.PlanarImage;

/**
 * Wiener deconvolution with a known point spread function H: X = conj(H)·Y / (|H|² + NSR), NSR the
 * noise-to-signal power ratio, per colour channel, in double precision through OpenCV's DFT.
 *
 * <p>Borders, alpha and {@code strength} (the blend with the input, 1 = full deconvolution) as
 * {@link Deconvolutions} handles them.
 */
public final class WienerDeconvolution {

  static final double PRIOR_FLOOR = 1e-3;

  private WienerDeconvolution() {}

  public static PlanarImage apply(
      PlanarImage image, PointSpreadFunction psf, double noiseToSignal, double strength) {
    if (!(noiseToSignal > 0)) {
      throw new IllegalArgumentException("noise-to-signal ratio must be positive");
    }
    return Deconvolutions.eachColourPlane(
        image, psf, strength, (plane, w, h) -> deconvolveCircular(plane, w, h, psf, noiseToSignal));
  }

  /** Deconvolution of a periodic plane: exact inverse of circular convolution as NSR → 0. */
  static double[] deconvolveCircular(
      double[] plane, int width, int height, PointSpreadFunction psf, double noiseToSignal) {
    try (PlaneFourier fourier = new PlaneFourier(width, height)) {
      double[] y = fourier.forward(plane);
      double[] h = fourier.transferFunction(psf);
      double[] prior = naturalImagePrior(width, height);
      for (int i = 0; i < plane.length; i++) {
        double hr = h[2 * i];
        double hi = h[2 * i + 1];
        double yr = y[2 * i];
        double yi = y[2 * i + 1];
        double denominator = hr * hr + hi * hi + noiseToSignal * prior[i];
        // conj(H)·Y = (hr − i·hi)(yr + i·yi)
        y[2 * i] = (hr * yr + hi * yi) / denominator;
        y[2 * i + 1] = (hr * yi - hi * yr) / denominator;
      }
      return fourier.inverse(y);
    }
  }

  /**
   * Photographs have power falling as 1/|ω|², so the noise-to-signal ratio rises as |ω|²: weak
   * deconvolution of the finest detail, where noise dominates, strong of the coarse. Normalised to
   * 1 at the Nyquist frequency on an axis (ω = π); a small floor keeps the lowest frequencies
   * regularised too.
   */
  static double[] naturalImagePrior(int width, int height) {
    double[] prior = new double[width * height];
    for (int v = 0; v < height; v++) {
      double wy = 2 * Math.PI * Math.min(v, height - v) / height;
      for (int u = 0; u < width; u++) {
        double wx = 2 * Math.PI * Math.min(u, width - u) / width;
        prior[v * width + u] = PRIOR_FLOOR + (wx * wx + wy * wy) / (Math.PI * Math.PI);
      }
    }
    return prior;
  }
}
