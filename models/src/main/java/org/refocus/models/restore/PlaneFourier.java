package org.refocus.models.restore;

import org.opencv.core.Core;
import org.opencv.core.CvType;
import org.opencv.core.Mat;
import org.refocus.models.cv.OpenCvRuntime;

/**
 * DFTs of real planes of one size, through OpenCV in double precision, with spectra interleaved:
 * the real part of frequency i at 2i, its imaginary part at 2i + 1.
 *
 * <p>One instance keeps its native buffers from one transform to the next. A deconvolution
 * transforms planes of the same size a dozen times, and at 4 MP a fresh buffer for each, with the
 * split into real and imaginary planes and their merge back, took twice the time of the DFTs
 * themselves (JFR, {@code bench/run operators}).
 */
final class PlaneFourier implements AutoCloseable {

  private final int width;
  private final int height;
  private final Mat spatial;
  private final Mat frequencies;

  PlaneFourier(int width, int height) {
    OpenCvRuntime.ensureLoaded();
    this.width = width;
    this.height = height;
    this.spatial = new Mat(height, width, CvType.CV_64F);
    this.frequencies = new Mat(height, width, CvType.CV_64FC2);
  }

  int width() {
    return width;
  }

  int height() {
    return height;
  }

  /** The plane's spectrum, in a new array of 2·width·height values. */
  double[] forward(double[] plane) {
    double[] spectrum = new double[2 * width * height];
    forward(plane, spectrum);
    return spectrum;
  }

  void forward(double[] plane, double[] spectrum) {
    spatial.put(0, 0, plane);
    Core.dft(spatial, frequencies, Core.DFT_COMPLEX_OUTPUT);
    frequencies.get(0, 0, spectrum);
  }

  /** The real plane whose spectrum this is, written into {@code plane}. */
  void inverse(double[] spectrum, double[] plane) {
    frequencies.put(0, 0, spectrum);
    Core.dft(frequencies, spatial, Core.DFT_INVERSE | Core.DFT_SCALE | Core.DFT_REAL_OUTPUT);
    spatial.get(0, 0, plane);
  }

  double[] inverse(double[] spectrum) {
    double[] plane = new double[width * height];
    inverse(spectrum, plane);
    return plane;
  }

  /** The PSF's transfer function on this periodic plane, the PSF's centre at the origin. */
  double[] transferFunction(PointSpreadFunction psf) {
    return transferFunction(psf.radius(), psf::at);
  }

  /** The same for a kernel being estimated, whatever its values. */
  double[] transferFunction(KernelGrid kernel) {
    return transferFunction(kernel.radius(), kernel::at);
  }

  /** Weights by offset from a kernel's centre. */
  @FunctionalInterface
  private interface Offsets {
    double at(int dx, int dy);
  }

  private double[] transferFunction(int r, Offsets kernel) {
    double[] h = new double[width * height];
    for (int dy = -r; dy <= r; dy++) {
      for (int dx = -r; dx <= r; dx++) {
        h[Math.floorMod(dy, height) * width + Math.floorMod(dx, width)] += kernel.at(dx, dy);
      }
    }
    return forward(h);
  }

  /**
   * The values of a periodic plane at offsets −r..r around the origin, as a row-major square of
   * side 2r + 1: the kernel whose transfer function a spectrum is, read back.
   */
  double[] aroundOrigin(double[] plane, int r) {
    int side = 2 * r + 1;
    double[] out = new double[side * side];
    for (int dy = -r; dy <= r; dy++) {
      for (int dx = -r; dx <= r; dx++) {
        out[(dy + r) * side + dx + r] =
            plane[Math.floorMod(dy, height) * width + Math.floorMod(dx, width)];
      }
    }
    return out;
  }

  @Override
  public void close() {
    spatial.release();
    frequencies.release();
  }
}
