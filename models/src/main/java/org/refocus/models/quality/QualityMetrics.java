package org.refocus.models.quality;

import org.refocus.models.image.PlanarImage;

/**
 * Full-reference quality of a restored image against its ground truth: PSNR and SSIM, on luma (how
 * super-resolution papers report) or on all colour channels. Images are compared on the 0..1 scale;
 * a {@code border} of pixels is left out on every side, as papers crop the scale factor's worth of
 * border for super-resolution.
 */
public final class QualityMetrics {

  private QualityMetrics() {}

  /** PSNR in dB over all colour channels; +Infinity for identical images. */
  public static double psnr(PlanarImage reference, PlanarImage test, int border) {
    requireComparable(reference, test, border);
    double sum = 0;
    long count = 0;
    for (int c = 0; c < reference.colourChannels(); c++) {
      double[] a = toDouble(reference.plane(c));
      double[] b = toDouble(test.plane(c));
      sum += squaredErrorSum(a, b, reference.width(), reference.height(), border);
      count += (long) (reference.width() - 2 * border) * (reference.height() - 2 * border);
    }
    return psnrFromMse(sum / count);
  }

  /** PSNR in dB of BT.601 luma; +Infinity for identical images. */
  public static double psnrY(PlanarImage reference, PlanarImage test, int border) {
    requireComparable(reference, test, border);
    int w = reference.width();
    int h = reference.height();
    double sum = squaredErrorSum(Luminance.bt601(reference), Luminance.bt601(test), w, h, border);
    return psnrFromMse(sum / ((long) (w - 2 * border) * (h - 2 * border)));
  }

  /** Mean SSIM over all colour channels. */
  public static double ssim(PlanarImage reference, PlanarImage test, int border) {
    requireComparable(reference, test, border);
    double total = 0;
    for (int c = 0; c < reference.colourChannels(); c++) {
      total +=
          Ssim.mean(
              crop(toDouble(reference.plane(c)), reference.width(), reference.height(), border),
              crop(toDouble(test.plane(c)), reference.width(), reference.height(), border),
              reference.width() - 2 * border,
              reference.height() - 2 * border);
    }
    return total / reference.colourChannels();
  }

  /** SSIM of BT.601 luma. */
  public static double ssimY(PlanarImage reference, PlanarImage test, int border) {
    requireComparable(reference, test, border);
    int w = reference.width();
    int h = reference.height();
    return Ssim.mean(
        crop(Luminance.bt601(reference), w, h, border),
        crop(Luminance.bt601(test), w, h, border),
        w - 2 * border,
        h - 2 * border);
  }

  static double psnrFromMse(double mse) {
    return mse == 0 ? Double.POSITIVE_INFINITY : 10 * Math.log10(1.0 / mse);
  }

  private static double squaredErrorSum(double[] a, double[] b, int w, int h, int border) {
    double sum = 0;
    for (int y = border; y < h - border; y++) {
      for (int x = border; x < w - border; x++) {
        double d = a[y * w + x] - b[y * w + x];
        sum += d * d;
      }
    }
    return sum;
  }

  private static double[] crop(double[] plane, int w, int h, int border) {
    if (border == 0) {
      return plane;
    }
    int cw = w - 2 * border;
    int ch = h - 2 * border;
    double[] out = new double[cw * ch];
    for (int y = 0; y < ch; y++) {
      System.arraycopy(plane, (y + border) * w + border, out, y * cw, cw);
    }
    return out;
  }

  private static double[] toDouble(float[] plane) {
    double[] out = new double[plane.length];
    for (int i = 0; i < plane.length; i++) {
      out[i] = plane[i];
    }
    return out;
  }

  private static void requireComparable(PlanarImage reference, PlanarImage test, int border) {
    if (!reference.sameShapeAs(test)) {
      throw new IllegalArgumentException(
          "cannot compare " + reference + " with " + test + ": sizes or channels differ");
    }
    if (border < 0 || 2 * border >= Math.min(reference.width(), reference.height())) {
      throw new IllegalArgumentException("border " + border + " leaves nothing of " + reference);
    }
  }
}
