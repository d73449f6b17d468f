package org.refocus.models.quality;

import org.refocus.models.image.PlanarImage;

/**
 * Luma as the super-resolution literature measures it: ITU-R BT.601 "studio swing" Y, the {@code
 * rgb2ycbcr} of MATLAB that published Y-PSNR and Y-SSIM figures use, on the 0..1 scale (Y from
 * 16/255 to 235/255). A gray image is its own luma.
 */
public final class Luminance {

  private static final double OFFSET = 16.0 / 255.0;
  private static final double KR = 65.481 / 255.0;
  private static final double KG = 128.553 / 255.0;
  private static final double KB = 24.966 / 255.0;

  private Luminance() {}

  public static double[] bt601(PlanarImage image) {
    return weighted(image, OFFSET, KR, KG, KB);
  }

  /**
   * Full-range BT.601 luma, 0.299 R + 0.587 G + 0.114 B on 0..1, as image-processing code (OpenCV,
   * numpy prototypes) computes it: for operators whose constants were chosen on that scale.
   */
  public static double[] fullRange(PlanarImage image) {
    return weighted(image, 0, 0.299, 0.587, 0.114);
  }

  private static double[] weighted(
      PlanarImage image, double offset, double kr, double kg, double kb) {
    int n = image.pixelCount();
    double[] y = new double[n];
    if (image.colourChannels() == 1) {
      float[] gray = image.plane(0);
      for (int i = 0; i < n; i++) {
        y[i] = gray[i];
      }
      return y;
    }
    float[] r = image.plane(0);
    float[] g = image.plane(1);
    float[] b = image.plane(2);
    for (int i = 0; i < n; i++) {
      y[i] = offset + kr * r[i] + kg * g[i] + kb * b[i];
    }
    return y;
  }
}
