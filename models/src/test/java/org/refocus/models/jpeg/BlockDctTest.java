package org.refocus.models.jpeg;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class BlockDctTest {

  /** ITU-T T.81 A.3.3, written out as the standard writes it. */
  private static double[] naiveForward(double[] f) {
    double[] out = new double[64];
    for (int v = 0; v < 8; v++) {
      for (int u = 0; u < 8; u++) {
        double cu = u == 0 ? 1 / Math.sqrt(2) : 1;
        double cv = v == 0 ? 1 / Math.sqrt(2) : 1;
        double sum = 0;
        for (int y = 0; y < 8; y++) {
          for (int x = 0; x < 8; x++) {
            sum +=
                f[y * 8 + x]
                    * Math.cos((2 * x + 1) * u * Math.PI / 16)
                    * Math.cos((2 * y + 1) * v * Math.PI / 16);
          }
        }
        out[v * 8 + u] = 0.25 * cu * cv * sum;
      }
    }
    return out;
  }

  @Test
  void forwardIsTheTransformJpegDefines() {
    SplittableRandom random = new SplittableRandom(5);
    double[] block = new double[64];
    for (int i = 0; i < 64; i++) {
      block[i] = random.nextDouble(-128, 128);
    }
    double[] coefficients = new double[64];

    BlockDct.forward(block, coefficients, new double[64]);

    double[] expected = naiveForward(block);
    for (int k = 0; k < 64; k++) {
      assertThat(coefficients[k]).as("coefficient %d", k).isCloseTo(expected[k], within(1e-9));
    }
  }

  @Test
  void inverseUndoesForward() {
    SplittableRandom random = new SplittableRandom(6);
    double[] block = new double[64];
    for (int i = 0; i < 64; i++) {
      block[i] = random.nextDouble(-128, 128);
    }
    double[] coefficients = new double[64];
    double[] back = new double[64];

    BlockDct.forward(block, coefficients, new double[64]);
    BlockDct.inverse(coefficients, back, new double[64]);

    for (int i = 0; i < 64; i++) {
      assertThat(back[i]).isCloseTo(block[i], within(1e-9));
    }
  }
}
