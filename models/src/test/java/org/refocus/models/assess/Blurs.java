package org.refocus.models.assess;

import org.opencv.core.Core;
import org.opencv.core.CvType;
import org.opencv.core.Mat;
import org.opencv.core.Point;
import org.opencv.imgproc.Imgproc;
import org.refocus.models.cv.OpenCvRuntime;

/** Known blurs for building labelled test sets: straight motion, defocus disk. */
final class Blurs {

  private Blurs() {}

  /** A straight motion path of {@code length} pixels at {@code degrees}, antialiased, sum 1. */
  static double[][] line(double length, double degrees) {
    int radius = (int) Math.ceil(length / 2) + 1;
    int size = 2 * radius + 1;
    double[][] k = new double[size][size];
    double rad = Math.toRadians(degrees);
    int samples = (int) Math.ceil(length * 20);
    for (int i = 0; i <= samples; i++) {
      double t = -length / 2 + length * i / samples;
      double x = radius + t * Math.cos(rad);
      double y = radius - t * Math.sin(rad);
      int x0 = (int) Math.floor(x);
      int y0 = (int) Math.floor(y);
      double fx = x - x0;
      double fy = y - y0;
      k[y0][x0] += (1 - fx) * (1 - fy);
      k[y0][x0 + 1] += fx * (1 - fy);
      k[y0 + 1][x0] += (1 - fx) * fy;
      k[y0 + 1][x0 + 1] += fx * fy;
    }
    return normalised(k);
  }

  /** A uniform disk of {@code radius} pixels, edge pixels weighted by coverage, sum 1. */
  static double[][] disk(double radius) {
    int r = (int) Math.ceil(radius) + 1;
    int size = 2 * r + 1;
    double[][] k = new double[size][size];
    int sub = 8;
    for (int y = 0; y < size; y++) {
      for (int x = 0; x < size; x++) {
        int inside = 0;
        for (int sy = 0; sy < sub; sy++) {
          for (int sx = 0; sx < sub; sx++) {
            double dx = x - r + (sx + 0.5) / sub - 0.5;
            double dy = y - r + (sy + 0.5) / sub - 0.5;
            if (dx * dx + dy * dy <= radius * radius) {
              inside++;
            }
          }
        }
        k[y][x] = inside;
      }
    }
    return normalised(k);
  }

  /** The plane convolved with the kernel, borders reflected. */
  static GrayPlane apply(GrayPlane plane, double[][] kernel) {
    OpenCvRuntime.ensureLoaded();
    Mat src = new Mat(plane.height(), plane.width(), CvType.CV_64F);
    src.put(0, 0, plane.values());
    Mat k = new Mat(kernel.length, kernel[0].length, CvType.CV_64F);
    for (int y = 0; y < kernel.length; y++) {
      k.put(y, 0, kernel[y]);
    }
    // filter2D correlates; flipping the kernel makes it a convolution
    Mat flipped = new Mat();
    Core.flip(k, flipped, -1);
    Mat dst = new Mat();
    Imgproc.filter2D(src, dst, -1, flipped, new Point(-1, -1), 0, Core.BORDER_REFLECT);
    double[] out = new double[plane.values().length];
    dst.get(0, 0, out);
    src.release();
    k.release();
    flipped.release();
    dst.release();
    return new GrayPlane(plane.width(), plane.height(), out);
  }

  private static double[][] normalised(double[][] k) {
    double sum = 0;
    for (double[] row : k) {
      for (double v : row) {
        sum += v;
      }
    }
    for (double[] row : k) {
      for (int i = 0; i < row.length; i++) {
        row[i] /= sum;
      }
    }
    return k;
  }
}
