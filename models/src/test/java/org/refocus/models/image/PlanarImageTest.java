package org.refocus.models.image;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class PlanarImageTest {

  /** 4×3, RGB and alpha; each sample says where it came from. */
  private static PlanarImage numbered() {
    float[] a = new float[12];
    float[] b = new float[12];
    float[] c = new float[12];
    float[] alpha = new float[12];
    for (int i = 0; i < 12; i++) {
      a[i] = i;
      b[i] = 100 + i;
      c[i] = 200 + i;
      alpha[i] = 1;
    }
    return PlanarImage.of(4, 3, new float[][] {a, b, c}, alpha);
  }

  @Test
  void colourRegionCopiesTheRectanglesColourPlanesWithoutAlpha() {
    PlanarImage image = numbered();

    PlanarImage region = image.colourRegion(1, 1, 2, 2);

    assertThat(region.width()).isEqualTo(2);
    assertThat(region.height()).isEqualTo(2);
    assertThat(region.plane(0)).containsExactly(5, 6, 9, 10);
    assertThat(region.plane(1)).containsExactly(105, 106, 109, 110);
    assertThat(region.plane(2)).containsExactly(205, 206, 209, 210);
    assertThat(region.hasAlpha()).isFalse();
    region.plane(0)[0] = -1;
    assertThat(image.plane(0)[5]).isEqualTo(5);
  }

  @Test
  void aRegionReachingOutsideTheImageIsRefusedNamingBoth() {
    assertThatThrownBy(() -> numbered().colourRegion(3, 0, 2, 1))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("2×1 at (3, 0)");
  }
}
