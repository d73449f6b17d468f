package org.refocus.models.assess;

import java.util.Arrays;

/** One-dimensional views of a centred log spectrum: projections on a direction, radial means. */
final class SpectralProfiles {

  static final int TREND_HALF_WIDTH = 6;

  private SpectralProfiles() {}

  /**
   * The log spectrum averaged over lines perpendicular to {@code degrees} (counter-clockwise as
   * displayed), folded at the centre: index p is the distance p bins along that direction.
   */
  static double[] projection(LogSpectrum logSpectrum, double degrees, double[] sums, int[] counts) {
    int n = logSpectrum.size();
    int half = n / 2;
    double c = Math.cos(Math.toRadians(degrees));
    double s = Math.sin(Math.toRadians(degrees));
    Arrays.fill(sums, 0);
    Arrays.fill(counts, 0);
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
    return profile;
  }

  /** The log spectrum averaged over each ring of integer radius p. */
  static double[] radial(LogSpectrum logSpectrum) {
    int n = logSpectrum.size();
    int half = n / 2;
    double[] sums = new double[half];
    int[] counts = new int[half];
    for (int dy = -half + 1; dy < half; dy++) {
      for (int dx = -half + 1; dx < half; dx++) {
        int p = (int) Math.round(Math.sqrt(dx * dx + dy * dy));
        if (p < half) {
          sums[p] += logSpectrum.offset(dx, dy);
          counts[p]++;
        }
      }
    }
    double[] profile = new double[half];
    for (int p = 0; p < half; p++) {
      profile[p] = sums[p] / Math.max(1, counts[p]);
    }
    return profile;
  }

  /** The profile less its moving average: the spectrum's smooth fall-off removed. */
  static double[] detrend(double[] profile) {
    return detrend(profile, TREND_HALF_WIDTH);
  }

  /**
   * The profile less its moving average over {@code halfWidth} bins each side: a dip comb whose
   * period is several times that width is removed with the fall-off.
   */
  static double[] detrend(double[] profile, int halfWidth) {
    double[] out = new double[profile.length];
    for (int p = 0; p < profile.length; p++) {
      double sum = 0;
      int count = 0;
      for (int q = Math.max(0, p - halfWidth);
          q <= Math.min(profile.length - 1, p + halfWidth);
          q++) {
        sum += profile[q];
        count++;
      }
      out[p] = profile[p] - sum / count;
    }
    return out;
  }
}
