package org.refocus.models.restore;

import java.util.SplittableRandom;
import org.refocus.models.image.PlanarImage;

/** The restore package's test degradations, for tests in other packages. */
public final class TestAccess {

  private TestAccess() {}

  public static PlanarImage blur(PlanarImage image, PointSpreadFunction psf) {
    return Degradations.blur(image, psf);
  }

  public static PlanarImage capture(PlanarImage image, double sigma, SplittableRandom random) {
    return Degradations.capture(image, sigma, random);
  }
}
