package org.refocus.models.restore;

import java.util.ArrayList;
import java.util.List;
import org.opencv.core.Core;
import org.opencv.core.CvType;
import org.opencv.core.Mat;

/** A real plane's DFT as real and imaginary parts, through OpenCV in double precision. */
record Spectrum(double[] re, double[] im, int width, int height) {

  static Spectrum of(double[] plane, int width, int height) {
    Mat spatial = new Mat(height, width, CvType.CV_64F);
    spatial.put(0, 0, plane);
    Mat complex = new Mat();
    Core.dft(spatial, complex, Core.DFT_COMPLEX_OUTPUT);
    List<Mat> parts = new ArrayList<>(2);
    Core.split(complex, parts);
    double[] re = new double[width * height];
    double[] im = new double[width * height];
    parts.get(0).get(0, 0, re);
    parts.get(1).get(0, 0, im);
    spatial.release();
    complex.release();
    parts.forEach(Mat::release);
    return new Spectrum(re, im, width, height);
  }

  /** The PSF's transfer function on a periodic plane, its centre at the origin. */
  static Spectrum of(PointSpreadFunction psf, int width, int height) {
    double[] h = new double[width * height];
    int r = psf.radius();
    for (int dy = -r; dy <= r; dy++) {
      for (int dx = -r; dx <= r; dx++) {
        h[Math.floorMod(dy, height) * width + Math.floorMod(dx, width)] += psf.at(dx, dy);
      }
    }
    return of(h, width, height);
  }

  /** The real plane whose spectrum this is. */
  double[] inverse() {
    Mat reMat = new Mat(height, width, CvType.CV_64F);
    Mat imMat = new Mat(height, width, CvType.CV_64F);
    reMat.put(0, 0, re);
    imMat.put(0, 0, im);
    Mat complex = new Mat();
    Core.merge(List.of(reMat, imMat), complex);
    Mat spatial = new Mat();
    Core.dft(complex, spatial, Core.DFT_INVERSE | Core.DFT_SCALE | Core.DFT_REAL_OUTPUT);
    double[] out = new double[width * height];
    spatial.get(0, 0, out);
    for (Mat m : new Mat[] {reMat, imMat, complex, spatial}) {
      m.release();
    }
    return out;
  }
}
