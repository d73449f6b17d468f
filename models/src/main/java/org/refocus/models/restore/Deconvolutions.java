package org.refocus.models.restore;

import org.opencv.core.Core;
import org.refocus.models.cv.OpenCvRuntime;
import org.refocus.models.image.PlanarImage;

/**
 * What the frequency-domain deconvolutions share: each colour plane on its own, alpha carried
 * through untouched, a strength blend with the input, and the borders.
 *
 * <p>The DFT treats a plane as periodic, so its borders would ring: each plane is first extended by
 * mirroring, twice the PSF's radius on each side plus what the DFT's preferred size adds, the
 * extension blended towards the plane's mean with a raised-cosine ramp, and the result cut back to
 * the original frame.
 */
final class Deconvolutions {

  /** A deconvolution of a periodic plane, row-major. */
  @FunctionalInterface
  interface PeriodicSolver {
    double[] solve(double[] plane, int width, int height);
  }

  private Deconvolutions() {}

  static PlanarImage eachColourPlane(
      PlanarImage image, PointSpreadFunction psf, double strength, PeriodicSolver solver) {
    if (strength < 0 || strength > 1) {
      throw new IllegalArgumentException("strength is 0..1, not " + strength);
    }
    OpenCvRuntime.ensureLoaded();
    float[][] planes = new float[image.colourChannels()][];
    for (int c = 0; c < planes.length; c++) {
      float[] input = image.plane(c);
      double[] plane = new double[input.length];
      for (int i = 0; i < plane.length; i++) {
        plane[i] = input[i];
      }
      double[] restored =
          onTaperedExtension(plane, image.width(), image.height(), psf.radius(), solver);
      float[] out = new float[input.length];
      for (int i = 0; i < out.length; i++) {
        out[i] = (float) (strength * restored[i] + (1 - strength) * input[i]);
      }
      planes[c] = out;
    }
    return PlanarImage.of(image.width(), image.height(), planes, image.alpha());
  }

  static double[] onTaperedExtension(
      double[] plane, int width, int height, int psfRadius, PeriodicSolver solver) {
    int margin = 2 * psfRadius + 8;
    int paddedW = Core.getOptimalDFTSize(width + 2 * margin);
    int paddedH = Core.getOptimalDFTSize(height + 2 * margin);
    int left = (paddedW - width) / 2;
    int top = (paddedH - height) / 2;
    double[] padded = Padding.mirrorAndTaper(plane, width, height, paddedW, paddedH, left, top);
    double[] restored = solver.solve(padded, paddedW, paddedH);
    double[] out = new double[width * height];
    for (int y = 0; y < height; y++) {
      System.arraycopy(restored, (y + top) * paddedW + left, out, y * width, width);
    }
    return out;
  }
}
