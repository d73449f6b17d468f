package org.refocus.models.restore;

import java.util.SplittableRandom;
import org.opencv.core.Core;
import org.opencv.core.CvType;
import org.opencv.core.Mat;
import org.opencv.core.Point;
import org.opencv.imgproc.Imgproc;
import org.refocus.models.cv.OpenCvRuntime;
import org.refocus.models.image.PlanarImage;

/** Known degradations of a sharp image, for measuring restoration against ground truth. */
public final class Degradations {

  private Degradations() {}

  /** Each colour plane convolved with the PSF, borders mirrored. */
  public static PlanarImage blur(PlanarImage image, PointSpreadFunction psf) {
    OpenCvRuntime.ensureLoaded();
    int size = psf.size();
    Mat kernel = new Mat(size, size, CvType.CV_64F);
    for (int y = 0; y < size; y++) {
      for (int x = 0; x < size; x++) {
        // filter2D correlates: store the PSF mirrored so the result is a convolution
        kernel.put(size - 1 - y, size - 1 - x, psf.at(x - psf.radius(), y - psf.radius()));
      }
    }
    float[][] planes = new float[image.colourChannels()][];
    for (int c = 0; c < planes.length; c++) {
      Mat src = new Mat(image.height(), image.width(), CvType.CV_32F);
      src.put(0, 0, image.plane(c));
      Mat dst = new Mat();
      Imgproc.filter2D(src, dst, -1, kernel, new Point(-1, -1), 0, Core.BORDER_REFLECT);
      planes[c] = new float[image.pixelCount()];
      dst.get(0, 0, planes[c]);
      src.release();
      dst.release();
    }
    kernel.release();
    return PlanarImage.of(image.width(), image.height(), planes, image.alpha());
  }

  /** Gaussian noise of {@code sigma}, then 8-bit quantisation, as a camera stores it. */
  public static PlanarImage capture(PlanarImage image, double sigma, SplittableRandom random) {
    float[][] planes = new float[image.colourChannels()][];
    for (int c = 0; c < planes.length; c++) {
      float[] in = image.plane(c);
      float[] out = new float[in.length];
      for (int i = 0; i < in.length; i++) {
        double v = in[i] + sigma * gaussian(random);
        out[i] = Math.round(Math.max(0, Math.min(1, v)) * 255) / 255f;
      }
      planes[c] = out;
    }
    return PlanarImage.of(image.width(), image.height(), planes, image.alpha());
  }

  private static double gaussian(SplittableRandom random) {
    return Math.sqrt(-2 * Math.log(1 - random.nextDouble()))
        * Math.cos(2 * Math.PI * random.nextDouble());
  }
}
