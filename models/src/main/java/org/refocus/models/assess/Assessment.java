package org.refocus.models.assess;

import java.util.Optional;
import org.refocus.models.jpeg.CompressionTrace;

/**
 * What the assessment measured of one image. All measures are taken on BT.601 luma on the 0..1
 * scale, so they do not depend on bit depth.
 *
 * @param width pixel columns
 * @param height pixel rows
 * @param sharpness variance of the Laplacian
 * @param noiseSigma estimated Gaussian noise σ (0..1 scale; × 255 for 8-bit levels)
 * @param blockiness JPEG 8×8 grid visibility, 1.0 = none
 * @param motion the best straight-motion fit (angle, length, strength)
 * @param defocus the best defocus-disk fit (radius, strength)
 * @param blur the blur type, its confidence and the measures behind it
 * @param jpeg the JPEG compression the pixels still show (quantiser, grid), or null where none
 *     shows
 */
public record Assessment(
    int width,
    int height,
    double sharpness,
    double noiseSigma,
    double blockiness,
    MotionEstimate motion,
    DefocusEstimate defocus,
    BlurVerdict blur,
    CompressionTrace jpeg) {

  /** The side of the central square whose spectrum the motion and defocus fits were taken on. */
  public int spectrumSide() {
    return LogSpectrum.side(width, height, MotionEstimator.ANALYSIS_SIZE);
  }

  /** The largest such square, which every image with a short side of 512 px or more gets. */
  public static final int FULL_SPECTRUM_SIDE = MotionEstimator.ANALYSIS_SIZE;

  /** Noise σ in 8-bit levels, as people quote it. */
  public double noiseLevels() {
    return noiseSigma * 255;
  }

  public Optional<CompressionTrace> compression() {
    return Optional.ofNullable(jpeg);
  }
}
