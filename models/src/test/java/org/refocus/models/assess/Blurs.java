package org.refocus.models.assess;

import org.refocus.models.image.PlanarImage;
import org.refocus.models.restore.Degradations;
import org.refocus.models.restore.PointSpreadFunction;

/** Known blurs of a luma plane, for building labelled test cases. */
final class Blurs {

  private Blurs() {}

  static GrayPlane apply(GrayPlane plane, PointSpreadFunction psf) {
    double[] values = plane.values();
    float[] gray = new float[values.length];
    for (int i = 0; i < values.length; i++) {
      gray[i] = (float) values[i];
    }
    PlanarImage blurred =
        Degradations.blur(PlanarImage.gray(plane.width(), plane.height(), gray), psf);
    float[] out = blurred.plane(0);
    double[] result = new double[out.length];
    for (int i = 0; i < out.length; i++) {
      result[i] = out[i];
    }
    return new GrayPlane(plane.width(), plane.height(), result);
  }
}
