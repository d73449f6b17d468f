package org.refocus.models.restore;

import org.opencv.core.CvType;
import org.opencv.core.Mat;
import org.opencv.core.Size;
import org.opencv.imgproc.Imgproc;
import org.refocus.models.cv.OpenCvRuntime;

/** A row-major double plane resampled to another size through OpenCV, in double precision. */
final class PlaneResampling {

  private PlaneResampling() {}

  /**
   * @param interpolation an {@link Imgproc} flag: {@code INTER_AREA} to shrink an image without
   *     aliasing, {@code INTER_LINEAR} to grow a kernel
   */
  static double[] resize(
      double[] plane, int width, int height, int newWidth, int newHeight, int interpolation) {
    OpenCvRuntime.ensureLoaded();
    Mat in = new Mat(height, width, CvType.CV_64F);
    Mat out = new Mat();
    try {
      in.put(0, 0, plane);
      Imgproc.resize(in, out, new Size(newWidth, newHeight), 0, 0, interpolation);
      double[] resized = new double[newWidth * newHeight];
      out.get(0, 0, resized);
      return resized;
    } finally {
      in.release();
      out.release();
    }
  }
}
