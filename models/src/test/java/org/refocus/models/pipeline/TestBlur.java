package org.refocus.models.pipeline;

import java.util.SplittableRandom;
import org.refocus.models.image.PlanarImage;
import org.refocus.models.restore.Degradations;
import org.refocus.models.restore.PointSpreadFunction;

/** Known degradations for pipeline tests: a PSF's blur, then an 8-bit capture with noise. */
final class TestBlur {

  private TestBlur() {}

  static PlanarImage blur(PlanarImage image, PointSpreadFunction psf) {
    return Degradations.blur(image, psf);
  }

  static PlanarImage capture(PlanarImage image) {
    return Degradations.capture(image, 1 / 255.0, new SplittableRandom(5));
  }
}
