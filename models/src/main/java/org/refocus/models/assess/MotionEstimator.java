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
  static final int TREND_HALF_WIDTH = 6;
  static final double HARMONIC_ACCEPTANCE = 0.6;

  private MotionEstimator() {}

  static MotionEstimate estimate(GrayPlane plane) {
    return estimate(Cepstrum.logSpectrum(plane, ANALYSIS_SIZE));
  }

  static MotionEstimate estimate(Cepstrum logSpectrum) {
    int n = logSpectrum.size();
    int half = n / 2;
    double bestScore = Double.NEGATIVE_INFINITY;
    double bestAngle = 0;
    double bestLength = 0;
    double[] bestProfile = null;
    double[] sums = new double[n + 1];
    int[] counts = new int[n + 1];
    for (double angle = 0; angle < 180; angle += ANGLE_STEP) {
      double c = Math.cos(Math.toRadians(angle));
      double s = Math.sin(Math.toRadians(angle));
      java.util.Arrays.fill(sums, 0);
      java.util.Arrays.fill(counts, 0);
      for (int dy = -half + 1; dy < half; dy++) {
        for (int dx = -half + 1; dx < half; dx++) {
          if (dx * dx + dy * dy >= half * half) {
            continue;
          }
          // displayed y points up, stored dy points down
          int bin = (int) Math.round(dx * c - dy * s) + half;
          sums[bin] += logSpectrum.offset(dx, dy);
          counts[bin]++;
        }
      }
      double[] profile = new double[half];
      for (int p = 0; p < half; p++) {
        int plus = half + p;
        int minus = half - p;
        profile[p] = (sums[plus] + sums[minus]) / Math.max(1, counts[plus] + counts[minus]);
      }
      double[] detrended = detrend(profile);
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
    double length = fundamental(bestProfile, bestLength, bestScore, n);
    return new MotionEstimate(bestAngle, length, bestScore);
  }

  /**
   * A comb of 2L or 3L also lands on every second or third dip of a blur of length L, and can edge
   * out the true comb on short blurs; the shortest length that fits almost as well wins.
   */
  private static double fundamental(double[] profile, double length, double score, int n) {
    for (int divisor = 3; divisor >= 2; divisor--) {
      double candidate = length / divisor;
      if (candidate < MIN_LENGTH) {
        continue;
      }
      double bestNear = Double.NEGATIVE_INFINITY;
      double bestNearLength = candidate;
      for (double l = candidate - 1; l <= candidate + 1; l += LENGTH_STEP) {
        double fit = combFit(profile, l, n);
        if (fit > bestNear) {
          bestNear = fit;
          bestNearLength = l;
        }
      }
      if (bestNear >= HARMONIC_ACCEPTANCE * score) {
        return bestNearLength;
      }
    }
    return length;
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

  /** The profile less its moving average: the spectrum's smooth fall-off removed. */
  private static double[] detrend(double[] profile) {
    double[] out = new double[profile.length];
    for (int p = 0; p < profile.length; p++) {
      double sum = 0;
      int count = 0;
      for (int q = Math.max(0, p - TREND_HALF_WIDTH);
          q <= Math.min(profile.length - 1, p + TREND_HALF_WIDTH);
          q++) {
        sum += profile[q];
        count++;
      }
      out[p] = profile[p] - sum / count;
    }
    return out;
  }
}
