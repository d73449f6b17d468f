package org.refocus.models.restore;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class SalientEdgesTest {

  @Test
  void barKeepsTwentyGradientsPerKernelPixelInEachQuarterOfDirections() {
    int w = 64;
    int h = 48;
    int side = 5;
    double[] plane = PeriodicPlanes.random(new SplittableRandom(21), w * h);
    // strong horizontal structure, so that one quarter's top gradients dwarf the others'
    for (int i = 0; i < plane.length; i++) {
      plane[i] += (i / w) % 8 < 4 ? 3 : 0;
    }

    double bar = SalientEdges.firstBar(plane, w, h, side);

    int need = SalientEdges.PER_KERNEL_PIXEL * side;
    int[] atOrAbove = new int[4];
    int[] above = new int[4];
    for (int y = 0; y < h; y++) {
      for (int x = 0; x < w; x++) {
        double gx = plane[y * w + (x + 1) % w] - plane[y * w + x];
        double gy = plane[((y + 1) % h) * w + x] - plane[y * w + x];
        double angle = Math.toDegrees(Math.atan2(gy, gx));
        // a gradient and its opposite point the same way across an edge
        angle = angle > 90 ? angle - 180 : angle <= -90 ? angle + 180 : angle;
        int quarter = gx == 0 ? 0 : angle >= 45 ? 1 : angle >= 0 ? 0 : angle >= -45 ? 2 : 3;
        double magnitude = gx * gx + gy * gy;
        atOrAbove[quarter] += magnitude >= bar ? 1 : 0;
        above[quarter] += magnitude > bar ? 1 : 0;
      }
    }
    for (int q = 0; q < 4; q++) {
      assertThat(atOrAbove[q]).as("quarter " + q).isGreaterThan(need);
    }
    // and no lower than that: in the scarcest quarter the bar is the (need + 1)-th strongest
    assertThat(Arrays.stream(above).min().getAsInt()).isLessThanOrEqualTo(need);
  }
}
