package org.refocus.models.assess;

/**
 * Decides the blur type from three measures, in the order that separates best: sharp when detail
 * reaches the finest scale and no direction is missing; motion when the spectrum falls off
 * unequally with direction; low resolution when an enlargement's periodic trace shows (after
 * motion, because video frames carry their codec's 4×4 and 8×8 grids); defocus otherwise. The
 * thresholds were calibrated on {@code LabelledBlurSet} (Kodak24 under straight and measured
 * camera-shake motion, defocus disks, 2–4× down-up, noise σ 1–6 and JPEG q80); the calibration test
 * prints the confusion matrix.
 */
final class BlurClassifier {

  static final double SHARP_DETAIL_RATIO = 1.8;
  static final double SHARP_MAX_ANISOTROPY = 0.4;
  static final double MOTION_ANISOTROPY = 0.22;
  static final double RESAMPLING_TRACE = 10;

  /**
   * Above this the 8×8 grid's periodicity would be taken for an enlargement's. Unstored images
   * measure at most 1.035 on the labelled sets, JPEG q80 from 0.95 (a sharp picture hides its grid)
   * up.
   */
  static final double JPEG_GRID_CONTRAST = 1.05;

  /** The margin of a test that could not be made: a coin toss, nearly. */
  static final double UNCHECKED_MARGIN = 0.2;

  private BlurClassifier() {}

  static BlurVerdict classify(
      GrayPlane luma, LogSpectrum spectrum, double sigma, double laplacianVariance) {
    double detail = Sharpness.detailRatio(luma, sigma, laplacianVariance);
    double anisotropy = SpectralAnisotropy.twoFold(spectrum);
    double grid = Blockiness.gridOverMidBlock(luma);
    boolean blockGrid = grid > JPEG_GRID_CONTRAST;
    double trace = ResamplingTrace.peak(luma, blockGrid);
    return decide(detail, anisotropy, trace, blockGrid);
  }

  static BlurVerdict decide(double detail, double anisotropy, double trace, boolean blockGrid) {
    double sharpMargin = margin(detail, SHARP_DETAIL_RATIO, 1);
    double directionMargin = margin(anisotropy, SHARP_MAX_ANISOTROPY, 1);
    if (detail >= SHARP_DETAIL_RATIO && anisotropy < SHARP_MAX_ANISOTROPY) {
      return verdict(
          BlurType.SHARP, Math.min(sharpMargin, directionMargin), detail, anisotropy, trace);
    }
    double blurMargin;
    if (detail >= SHARP_DETAIL_RATIO) {
      blurMargin = directionMargin;
    } else if (anisotropy >= SHARP_MAX_ANISOTROPY) {
      blurMargin = Math.max(sharpMargin, directionMargin);
    } else {
      blurMargin = sharpMargin;
    }
    double motionMargin = margin(anisotropy, MOTION_ANISOTROPY, 1);
    if (anisotropy >= MOTION_ANISOTROPY) {
      return verdict(
          BlurType.MOTION, Math.min(blurMargin, motionMargin), detail, anisotropy, trace);
    }
    double traceMargin = margin(trace, RESAMPLING_TRACE, 2);
    if (trace >= RESAMPLING_TRACE) {
      return verdict(
          BlurType.LOW_RESOLUTION,
          Math.min(blurMargin, Math.min(motionMargin, traceMargin)),
          detail,
          anisotropy,
          trace);
    }
    // Under a JPEG grid only the ×3 period could be looked for: ×2 and ×4 are not ruled out.
    double notEnlarged = blockGrid ? UNCHECKED_MARGIN : traceMargin;
    return verdict(
        BlurType.DEFOCUS,
        Math.min(blurMargin, Math.min(motionMargin, notEnlarged)),
        detail,
        anisotropy,
        trace);
  }

  /**
   * Distance from a threshold in octaves of the measure, as tanh: 0 on it, 0.76 {@code octaves}
   * away.
   */
  private static double margin(double value, double threshold, double octaves) {
    if (!(value > 0)) {
      return 1;
    }
    return Math.tanh(Math.abs(Math.log(value / threshold) / Math.log(2)) / octaves);
  }

  private static BlurVerdict verdict(
      BlurType type, double margin, double detail, double anisotropy, double trace) {
    return new BlurVerdict(type, 0.5 + margin / 2, detail, anisotropy, trace);
  }
}
