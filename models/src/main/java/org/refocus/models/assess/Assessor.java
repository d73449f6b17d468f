package org.refocus.models.assess;

import org.refocus.models.image.PlanarImage;

/** Measures an image: sharpness, noise, JPEG blockiness, motion and defocus fits. */
public final class Assessor {

  public Assessment assess(PlanarImage image) {
    GrayPlane luma = GrayPlane.luma(image);
    LogSpectrum spectrum = LogSpectrum.of(luma, MotionEstimator.ANALYSIS_SIZE);
    return new Assessment(
        image.width(),
        image.height(),
        Sharpness.laplacianVariance(luma),
        NoiseEstimator.sigma(luma),
        Blockiness.ratio(luma),
        MotionEstimator.estimate(spectrum),
        DefocusEstimator.estimate(spectrum));
  }
}
