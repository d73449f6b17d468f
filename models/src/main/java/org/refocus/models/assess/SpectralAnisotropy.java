package org.refocus.models.assess;

import java.util.Arrays;

/**
 * How unequally the spectrum falls off with direction: the mark of motion blur. For each ring of
 * frequencies the two-fold (cos 2θ) component of the log spectrum is taken relative to how far that
 * ring stands above the noise floor, so noise, which is the same in every direction, neither hides
 * the blur's direction nor fakes one. Directions within 8° of the pixel axes are left out: a JPEG
 * block grid and the horizontals and verticals of buildings put their energy there.
 */
final class SpectralAnisotropy {

  static final int BANDS = 20;
  static final double BAND_WIDTH = 0.5 / BANDS;
  static final double AXIS_EXCLUSION_DEGREES = 8;

  /** Rings less than this far (in log magnitude) above the floor carry too little picture. */
  static final double MIN_HEIGHT = 1.25;

  /** Rings up to 0.35 cycles/pixel; above, even sharp photographs are mostly noise. */
  static final int LAST_BAND = 13;

  /** The floor: the median of the four highest rings. */
  static final int FLOOR_BANDS = 4;

  private SpectralAnisotropy() {}

  static double twoFold(LogSpectrum spectrum) {
    int n = spectrum.size();
    int half = n / 2;
    double[] level = new double[BANDS];
    int[] count = new int[BANDS];
    double[] cos = new double[BANDS];
    double[] sin = new double[BANDS];
    int[] offAxis = new int[BANDS];
    for (int dy = -half + 1; dy < half; dy++) {
      for (int dx = -half + 1; dx < half; dx++) {
        double f = Math.hypot(dx, dy) / n;
        int band = (int) (f / BAND_WIDTH);
        if (band >= BANDS || f < 0.01) {
          continue;
        }
        double theta = Math.atan2(-dy, dx);
        double v = spectrum.offset(dx, dy);
        level[band] += v;
        count[band]++;
        double degrees = Math.toDegrees(theta);
        if (Math.abs(degrees - 90 * Math.round(degrees / 90)) >= AXIS_EXCLUSION_DEGREES) {
          cos[band] += v * Math.cos(2 * theta);
          sin[band] += v * Math.sin(2 * theta);
          offAxis[band]++;
        }
      }
    }
    for (int b = 0; b < BANDS; b++) {
      level[b] /= Math.max(1, count[b]);
    }
    double floor = floor(level);
    double strongest = 0;
    for (int b = 1; b <= LAST_BAND; b++) {
      double height = level[b] - floor;
      if (height > MIN_HEIGHT && offAxis[b] > 0) {
        double amplitude = 2 * Math.hypot(cos[b], sin[b]) / offAxis[b];
        strongest = Math.max(strongest, amplitude / height);
      }
    }
    return strongest;
  }

  private static double floor(double[] level) {
    double[] top = new double[FLOOR_BANDS];
    System.arraycopy(level, BANDS - FLOOR_BANDS, top, 0, FLOOR_BANDS);
    Arrays.sort(top);
    return (top[FLOOR_BANDS / 2 - 1] + top[FLOOR_BANDS / 2]) / 2;
  }
}
