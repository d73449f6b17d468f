package org.refocus.models.jpeg;

import java.util.Arrays;

/**
 * A JPEG luminance quantisation table in natural (row-major) order, as JPEG divides the 8×8 DCT
 * coefficients of the 0..255 luma by it.
 *
 * @param steps 64 quantiser steps, each 1..255
 * @param quality the IJG quality (1..100) whose scaled standard table is nearest to these steps:
 *     the number people compare JPEG compression by
 */
public record QuantisationTable(int[] steps, int quality) {

  /** ITU-T T.81 Annex K.1, the table libjpeg and most encoders scale. */
  private static final int[] ANNEX_K_LUMINANCE = {
    16, 11, 10, 16, 24, 40, 51, 61,
    12, 12, 14, 19, 26, 58, 60, 55,
    14, 13, 16, 24, 40, 57, 69, 56,
    14, 17, 22, 29, 51, 87, 80, 62,
    18, 22, 37, 56, 68, 109, 103, 77,
    24, 35, 55, 64, 81, 104, 113, 92,
    49, 64, 78, 87, 103, 121, 120, 101,
    72, 92, 95, 98, 112, 100, 103, 99
  };

  public QuantisationTable {
    if (steps.length != BlockDct.SIZE) {
      throw new IllegalArgumentException("64 quantiser steps, not " + steps.length);
    }
    steps = steps.clone();
    for (int s : steps) {
      if (s < 1 || s > 255) {
        throw new IllegalArgumentException("quantiser steps are 1..255, not " + s);
      }
    }
  }

  /** The standard table scaled as libjpeg's {@code jpeg_set_quality} scales it (baseline). */
  public static QuantisationTable ijgLuminance(int quality) {
    if (quality < 1 || quality > 100) {
      throw new IllegalArgumentException("IJG quality is 1..100, not " + quality);
    }
    int scale = quality < 50 ? 5000 / quality : 200 - 2 * quality;
    int[] steps = new int[BlockDct.SIZE];
    for (int i = 0; i < steps.length; i++) {
      steps[i] = Math.max(1, Math.min(255, (ANNEX_K_LUMINANCE[i] * scale + 50) / 100));
    }
    return new QuantisationTable(steps, quality);
  }

  public int step(int index) {
    return steps[index];
  }

  @Override
  public int[] steps() {
    return steps.clone();
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof QuantisationTable t
        && quality == t.quality
        && Arrays.equals(steps, t.steps);
  }

  @Override
  public int hashCode() {
    return 31 * Arrays.hashCode(steps) + quality;
  }

  @Override
  public String toString() {
    return "luminance table near IJG quality " + quality;
  }
}
