package org.refocus.models.assess;

import java.util.ArrayList;
import java.util.List;
import org.opencv.core.Core;
import org.opencv.core.CvType;
import org.opencv.core.Mat;
import org.refocus.models.cv.OpenCvRuntime;

/**
 * The log magnitude spectrum of a gray plane, centred (zero frequency in the middle). Blurs
 * multiply the spectrum, so they add in its logarithm: a blur's zeros show as dips whatever the
 * picture.
 *
 * <p>The plane is cut to its central square (the spectrum is then isotropic in bins), its mean
 * removed, and tapered with a Hann window so the borders' discontinuity does not print a cross on
 * the spectrum.
 */
final class LogSpectrum {

  private final int size;
  private final double[] values;

  private LogSpectrum(int size, double[] values) {
    this.size = size;
    this.values = values;
  }

  /** The side of the central square taken from a plane of this size: even, at most maxSize. */
  static int side(int width, int height, int maxSize) {
    int side = Math.min(maxSize, Math.min(width, height));
    return side - side % 2;
  }

  /** The log magnitude spectrum of the central square of at most {@code maxSize} pixels. */
  static LogSpectrum of(GrayPlane plane, int maxSize) {
    OpenCvRuntime.ensureLoaded();
    int side = side(plane.width(), plane.height(), maxSize);
    int x0 = (plane.width() - side) / 2;
    int y0 = (plane.height() - side) / 2;
    double[] window = hann(side);
    double mean = 0;
    for (int y = 0; y < side; y++) {
      for (int x = 0; x < side; x++) {
        mean += plane.at(x0 + x, y0 + y);
      }
    }
    mean /= (double) side * side;
    double[] tapered = new double[side * side];
    for (int y = 0; y < side; y++) {
      for (int x = 0; x < side; x++) {
        tapered[y * side + x] = (plane.at(x0 + x, y0 + y) - mean) * window[x] * window[y];
      }
    }
    Mat spatial = new Mat(side, side, CvType.CV_64F);
    spatial.put(0, 0, tapered);
    Mat spectrum = new Mat();
    Core.dft(spatial, spectrum, Core.DFT_COMPLEX_OUTPUT);
    List<Mat> parts = new ArrayList<>(2);
    Core.split(spectrum, parts);
    Mat magnitude = new Mat();
    Core.magnitude(parts.get(0), parts.get(1), magnitude);
    Core.add(magnitude, new org.opencv.core.Scalar(1e-9), magnitude);
    Core.log(magnitude, magnitude);
    double[] raw = new double[side * side];
    magnitude.get(0, 0, raw);
    parts.forEach(Mat::release);
    for (Mat m : new Mat[] {spatial, spectrum, magnitude}) {
      m.release();
    }
    double[] centred = new double[raw.length];
    int half = side / 2;
    for (int y = 0; y < side; y++) {
      for (int x = 0; x < side; x++) {
        centred[((y + half) % side) * side + (x + half) % side] = raw[y * side + x];
      }
    }
    return new LogSpectrum(side, centred);
  }

  /** Value at pixel offset (dx, dy) from the centre, dy downwards as stored. */
  double offset(int dx, int dy) {
    return value(size / 2 + dx, size / 2 + dy);
  }

  int size() {
    return size;
  }

  /**
   * The log spectrum at distance {@code r} from the centre in direction {@code degrees} (0 =
   * rightwards, counter-clockwise as displayed, so 90 = upwards), bilinearly interpolated.
   */
  double at(double r, double degrees) {
    double rad = Math.toRadians(degrees);
    double x = size / 2.0 + r * Math.cos(rad);
    double y = size / 2.0 - r * Math.sin(rad);
    int x0 = (int) Math.floor(x);
    int y0 = (int) Math.floor(y);
    double fx = x - x0;
    double fy = y - y0;
    return (1 - fx) * (1 - fy) * value(x0, y0)
        + fx * (1 - fy) * value(x0 + 1, y0)
        + (1 - fx) * fy * value(x0, y0 + 1)
        + fx * fy * value(x0 + 1, y0 + 1);
  }

  private double value(int x, int y) {
    int cx = Math.floorMod(x, size);
    int cy = Math.floorMod(y, size);
    return values[cy * size + cx];
  }

  private static double[] hann(int n) {
    double[] w = new double[n];
    for (int i = 0; i < n; i++) {
      w[i] = 0.5 - 0.5 * Math.cos(2 * Math.PI * i / (n - 1));
    }
    return w;
  }
}
