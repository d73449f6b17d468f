package org.refocus.models.assess;

/**
 * Estimates linear motion blur from the log magnitude spectrum. A blur of length L along direction
 * θ multiplies the spectrum by |sinc(π L f_θ)|, whose zeros are lines perpendicular to θ spaced N/L
 * bins apart. Projecting the log spectrum onto the θ axis averages the image's own spectrum away
 * along those lines and leaves the zeros as periodic dips; the period is found by correlating the
 * detrended projection with combs of every candidate length. The direction and length whose comb
 * fits best is the motion (after the Radon-of-log-spectrum methods, e.g. Moghaddam and Jamzad,
 * 2007).
 */
final class MotionEstimator {

  static final int ANALYSIS_SIZE = 512;
  static final double MIN_LENGTH = 4;
  static final double MAX_LENGTH = 80;
  static final double LENGTH_STEP = 0.25;
  static final double ANGLE_STEP = 1;

  private MotionEstimator() {}

  static MotionEstimate estimate(GrayPlane plane) {
    return estimate(LogSpectrum.of(plane, ANALYSIS_SIZE));
  }

  static MotionEstimate estimate(LogSpectrum logSpectrum) {
    int n = logSpectrum.size();
    double bestScore = Double.NEGATIVE_INFINITY;
    double bestAngle = 0;
    double bestLength = 0;
    double[] bestProfile = null;
    double[] sums = new double[n + 1];
    int[] counts = new int[n + 1];
    for (double angle = 0; angle < 180; angle += ANGLE_STEP) {
      double[] profile = SpectralProfiles.projection(logSpectrum, angle, sums, counts);
      double[] detrended = SpectralProfiles.detrend(profile);
      for (double length = MIN_LENGTH; length <= MAX_LENGTH; length += LENGTH_STEP) {
        double score = combFit(detrended, length, n);
        if (score > bestScore) {
          bestScore = score;
          bestAngle = angle;
          bestLength = length;
          bestProfile = detrended;
        }
      }
    }
    double[] profile = bestProfile;
    double length =
        Harmonics.fundamental(
            l -> combFit(profile, l, n), bestLength, bestScore, MIN_LENGTH, LENGTH_STEP);
    return new MotionEstimate(bestAngle, length, bestScore);
  }

  /** How deep the profile dips at multiples of n / length, against its level between them. */
  private static double combFit(double[] detrended, double length, int n) {
    double sum = 0;
    int first = (int) Math.ceil(n / length / 2);
    for (int p = first; p < detrended.length; p++) {
      sum -= detrended[p] * Math.cos(2 * Math.PI * p * length / n);
    }
    return sum / (detrended.length - first);
  }
}
