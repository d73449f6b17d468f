package org.refocus.models.pipeline;

import java.util.Optional;
import org.refocus.models.image.PlanarImage;
import org.refocus.models.restore.BlindKernelEstimator;
import org.refocus.models.restore.PointSpreadFunction;

/**
 * The camera shake's kernel as the image being restored shows it, asked for only where "auto" needs
 * it: each answer takes seconds.
 */
interface ShakeEvidence {

  /** The kernel estimated from the whole image, or empty where none fits. */
  Optional<BlindKernelEstimator.Estimate> estimate();

  /**
   * How closely each half of the image reproduces that kernel, the second half not asked where the
   * first agrees less than {@code enough} (see {@link BlindKernelEstimator#halvesAgreement}).
   */
  double halvesAgreement(PointSpreadFunction kernel, double enough);

  /** What the estimator finds in this image. */
  static ShakeEvidence of(PlanarImage image) {
    return new ShakeEvidence() {
      @Override
      public Optional<BlindKernelEstimator.Estimate> estimate() {
        return BlindKernelEstimator.estimate(image);
      }

      @Override
      public double halvesAgreement(PointSpreadFunction kernel, double enough) {
        return BlindKernelEstimator.halvesAgreement(image, kernel, enough);
      }
    };
  }
}
