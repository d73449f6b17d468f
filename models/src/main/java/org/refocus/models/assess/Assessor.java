package org.refocus.models.assess;

import org.refocus.models.image.PlanarImage;
import org.refocus.models.jpeg.QuantiserEstimator;

/**
 * Measures an image: sharpness, noise, JPEG blockiness and quantiser, motion and defocus fits, and
 * the blur type.
 */
public final class Assessor {

  public Assessment assess(PlanarImage image) {
    GrayPlane luma = GrayPlane.luma(image);
    LogSpectrum spectrum = LogSpectrum.of(luma, MotionEstimator.ANALYSIS_SIZE);
    double sharpness = Sharpness.laplacianVariance(luma);
    double sigma = NoiseEstimator.sigma(luma);
    double blockiness = Blockiness.ratio(luma);
    return new Assessment(
        image.width(),
        image.height(),
        sharpness,
        sigma,
        blockiness,
        MotionEstimator.estimate(spectrum),
        DefocusEstimator.estimate(spectrum),
        BlurClassifier.classify(luma, spectrum, sigma, sharpness),
        QuantiserEstimator.estimate(image).orElse(null));
  }
}
