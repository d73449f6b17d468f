package org.refocus.models.assess;

import java.util.function.DoubleUnaryOperator;

/**
 * Octave errors of comb fits: a comb of period 2x or 3x lands on every second or third dip of the
 * true period x and can edge it out. The shortest period that fits almost as well wins.
 */
final class Harmonics {

  /** Share of the best fit a sub-multiple must reach to be taken instead. */
  static final double ACCEPTANCE = 0.6;

  private Harmonics() {}

  /**
   * @param fit the fit of a candidate period
   * @param best the best-fitting period found
   * @param bestFit its fit
   * @param min the shortest period allowed
   * @param step the search step around each sub-multiple
   */
  static double fundamental(
      DoubleUnaryOperator fit, double best, double bestFit, double min, double step) {
    for (int divisor = 4; divisor >= 2; divisor--) {
      double candidate = best / divisor;
      if (candidate < min) {
        continue;
      }
      double nearFit = Double.NEGATIVE_INFINITY;
      double nearPeriod = candidate;
      for (double p = Math.max(min, candidate - 1); p <= candidate + 1; p += step) {
        double f = fit.applyAsDouble(p);
        if (f > nearFit) {
          nearFit = f;
          nearPeriod = p;
        }
      }
      if (nearFit >= ACCEPTANCE * bestFit) {
        return nearPeriod;
      }
    }
    return best;
  }
}
