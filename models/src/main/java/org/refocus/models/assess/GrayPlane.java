package org.refocus.models.assess;

import org.refocus.models.image.PlanarImage;
import org.refocus.models.quality.Luminance;

/** A single-channel double plane: what the assessment measures on (BT.601 luma, 0..1). */
record GrayPlane(int width, int height, double[] values) {

  static GrayPlane luma(PlanarImage image) {
    return new GrayPlane(image.width(), image.height(), Luminance.bt601(image));
  }

  double at(int x, int y) {
    return values[y * width + x];
  }
}
