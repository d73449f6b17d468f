package org.refocus.models.restore;

import org.opencv.core.Core;
import org.opencv.core.CvType;
import org.opencv.core.Mat;
import org.opencv.core.MatOfFloat;
import org.opencv.photo.Photo;
import org.refocus.models.cv.OpenCvRuntime;
import org.refocus.models.image.PlanarImage;

/**
 * Non-local means (Buades, Coll and Morel, 2005; OpenCV's fast implementation) on 16-bit planes, so
 * 16-bit scans keep their precision. Colour images are denoised as luma and two chroma planes
 * (BT.601), chroma more strongly: the eye forgives chroma smoothing and colour noise is most of
 * what makes a scan look noisy. The filter strength follows the measured noise: h = {@link
 * #H_PER_SIGMA} × σ.
 */
public final class NonLocalMeansDenoiser {

  /**
   * Filter strength per unit of noise σ, on the same scale. Of 0.3, 0.4, 0.5, 0.6, 1.0 and 1.5, 0.5
   * gave the best PSNR on Kodak photographs with σ = 10 and 25 levels of added noise.
   */
  static final double H_PER_SIGMA = 0.5;

  static final double CHROMA_BOOST = 1.5;
  static final int TEMPLATE = 7;
  static final int SEARCH = 21;

  private NonLocalMeansDenoiser() {}

  /**
   * @param sigma noise σ on the 0..1 scale (as the assessment measures it)
   * @param strength 0..1, blends the result with the input
   */
  public static PlanarImage denoise(PlanarImage image, double sigma, double strength) {
    if (sigma < 0 || strength < 0 || strength > 1) {
      throw new IllegalArgumentException("σ ≥ 0 and strength 0..1, not " + sigma + ", " + strength);
    }
    if (sigma == 0 || strength == 0) {
      return image;
    }
    OpenCvRuntime.ensureLoaded();
    double h = H_PER_SIGMA * sigma;
    float[][] planes;
    if (image.colourChannels() == 1) {
      planes = new float[][] {filter(image.plane(0), image.width(), image.height(), h, 0)};
    } else {
      float[][] ycc = YCbCr.fromRgb(image.plane(0), image.plane(1), image.plane(2));
      ycc[0] = filter(ycc[0], image.width(), image.height(), h, 0);
      ycc[1] = filter(ycc[1], image.width(), image.height(), CHROMA_BOOST * h, 0.5f);
      ycc[2] = filter(ycc[2], image.width(), image.height(), CHROMA_BOOST * h, 0.5f);
      planes = YCbCr.toRgb(ycc[0], ycc[1], ycc[2]);
    }
    for (int c = 0; c < planes.length; c++) {
      float[] input = image.plane(c);
      for (int i = 0; i < input.length; i++) {
        planes[c][i] = (float) (strength * planes[c][i] + (1 - strength) * input[i]);
      }
    }
    return PlanarImage.of(image.width(), image.height(), planes, image.alpha());
  }

  /** One plane through 16-bit NLM; {@code offset} is added before and removed after. */
  private static float[] filter(float[] plane, int w, int h, double strength, float offset) {
    float[] shifted = new float[plane.length];
    for (int i = 0; i < plane.length; i++) {
      shifted[i] = (plane[i] + offset) * 65535f;
    }
    Mat f = new Mat(h, w, CvType.CV_32F);
    f.put(0, 0, shifted);
    Mat u16 = new Mat();
    f.convertTo(u16, CvType.CV_16U);
    Mat out = new Mat();
    Photo.fastNlMeansDenoising(
        u16, out, new MatOfFloat((float) (strength * 65535)), TEMPLATE, SEARCH, Core.NORM_L1);
    out.convertTo(f, CvType.CV_32F, 1 / 65535.0, -offset);
    float[] result = new float[plane.length];
    f.get(0, 0, result);
    f.release();
    u16.release();
    out.release();
    return result;
  }
}
