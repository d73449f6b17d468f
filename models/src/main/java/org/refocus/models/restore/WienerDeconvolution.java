package org.refocus.models.restore;

import java.util.ArrayList;
import java.util.List;
import org.opencv.core.Core;
import org.opencv.core.CvType;
import org.opencv.core.Mat;
import org.refocus.models.cv.OpenCvRuntime;
import org.refocus.models.image.PlanarImage;

/**
 * Wiener deconvolution with a known point spread function H: X = conj(H)·Y / (|H|² + NSR), NSR the
 * noise-to-signal power ratio, per colour channel, in double precision through OpenCV's DFT.
 *
 * <p>The DFT treats the image as periodic, so its borders would ring: each plane is first extended
 * by mirroring, twice the PSF's radius on each side plus what the DFT's preferred size adds, and
 * the extension is blended towards its mean with a raised-cosine ramp; the result is cut back to
 * the original frame. Alpha is carried through untouched. {@code strength} blends the result with
 * the input, 1 = full deconvolution.
 */
public final class WienerDeconvolution {

  static final double PRIOR_FLOOR = 1e-3;

  private WienerDeconvolution() {}

  public static PlanarImage apply(
      PlanarImage image, PointSpreadFunction psf, double noiseToSignal, double strength) {
    if (!(noiseToSignal > 0)) {
      throw new IllegalArgumentException("noise-to-signal ratio must be positive");
    }
    if (strength < 0 || strength > 1) {
      throw new IllegalArgumentException("strength is 0..1, not " + strength);
    }
    OpenCvRuntime.ensureLoaded();
    float[][] planes = new float[image.colourChannels()][];
    for (int c = 0; c < planes.length; c++) {
      float[] input = image.plane(c);
      double[] restored =
          deconvolvePlane(toDouble(input), image.width(), image.height(), psf, noiseToSignal);
      float[] out = new float[input.length];
      for (int i = 0; i < out.length; i++) {
        out[i] = (float) (strength * restored[i] + (1 - strength) * input[i]);
      }
      planes[c] = out;
    }
    return PlanarImage.of(image.width(), image.height(), planes, image.alpha());
  }

  static double[] deconvolvePlane(
      double[] plane, int width, int height, PointSpreadFunction psf, double noiseToSignal) {
    int margin = 2 * psf.radius() + 8;
    int paddedW = Core.getOptimalDFTSize(width + 2 * margin);
    int paddedH = Core.getOptimalDFTSize(height + 2 * margin);
    int left = (paddedW - width) / 2;
    int top = (paddedH - height) / 2;
    double[] padded = Padding.mirrorAndTaper(plane, width, height, paddedW, paddedH, left, top);
    double[] restored = deconvolveCircular(padded, paddedW, paddedH, psf, noiseToSignal);
    double[] out = new double[width * height];
    for (int y = 0; y < height; y++) {
      System.arraycopy(restored, (y + top) * paddedW + left, out, y * width, width);
    }
    return out;
  }

  /** Deconvolution of a periodic plane: exact inverse of circular convolution as NSR → 0. */
  static double[] deconvolveCircular(
      double[] plane, int width, int height, PointSpreadFunction psf, double noiseToSignal) {
    Mat y = new Mat(height, width, CvType.CV_64F);
    y.put(0, 0, plane);
    Mat h = new Mat(height, width, CvType.CV_64F, new org.opencv.core.Scalar(0));
    int r = psf.radius();
    for (int dy = -r; dy <= r; dy++) {
      for (int dx = -r; dx <= r; dx++) {
        h.put(Math.floorMod(dy, height), Math.floorMod(dx, width), psf.at(dx, dy));
      }
    }
    Mat yf = new Mat();
    Mat hf = new Mat();
    Core.dft(y, yf, Core.DFT_COMPLEX_OUTPUT);
    Core.dft(h, hf, Core.DFT_COMPLEX_OUTPUT);
    List<Mat> yParts = new ArrayList<>(2);
    List<Mat> hParts = new ArrayList<>(2);
    Core.split(yf, yParts);
    Core.split(hf, hParts);
    int n = width * height;
    double[] prior = naturalImagePrior(width, height);
    double[] yr = new double[n];
    double[] yi = new double[n];
    double[] hr = new double[n];
    double[] hi = new double[n];
    yParts.get(0).get(0, 0, yr);
    yParts.get(1).get(0, 0, yi);
    hParts.get(0).get(0, 0, hr);
    hParts.get(1).get(0, 0, hi);
    for (int i = 0; i < n; i++) {
      double power = hr[i] * hr[i] + hi[i] * hi[i];
      double denominator = power + noiseToSignal * prior[i];
      // conj(H)·Y = (hr − i·hi)(yr + i·yi)
      double real = (hr[i] * yr[i] + hi[i] * yi[i]) / denominator;
      double imag = (hr[i] * yi[i] - hi[i] * yr[i]) / denominator;
      yr[i] = real;
      yi[i] = imag;
    }
    yParts.get(0).put(0, 0, yr);
    yParts.get(1).put(0, 0, yi);
    Mat xf = new Mat();
    Core.merge(yParts, xf);
    Mat x = new Mat();
    Core.dft(xf, x, Core.DFT_INVERSE | Core.DFT_SCALE | Core.DFT_REAL_OUTPUT);
    double[] out = new double[n];
    x.get(0, 0, out);
    for (Mat m : new Mat[] {y, h, yf, hf, xf, x}) {
      m.release();
    }
    yParts.forEach(Mat::release);
    hParts.forEach(Mat::release);
    return out;
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

  private static double[] toDouble(float[] plane) {
    double[] out = new double[plane.length];
    for (int i = 0; i < plane.length; i++) {
      out[i] = plane[i];
    }
    return out;
  }
}
