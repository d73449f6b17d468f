package org.refocus.models.neural;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.refocus.models.image.PlanarImage;

/**
 * Tiling without a network: a stand-in model that enlarges by pixel replication depends on no
 * context, so however the image is cut, the blended result must be exactly the replication.
 */
class TilingTest {

  @ParameterizedTest
  @CsvSource({
    "1, 1, 2, 64", // one pixel
    "1, 300, 3, 64", // one column, many tiles tall
    "50, 40, 3, 64", // smaller than a tile
    "257, 130, 2, 96", // edges not on the step
    "200, 90, 4, 100",
    "128, 128, 8, 64"
  })
  void blendedTilesEqualTheWholeImage(int w, int h, int scale, int tile) throws Exception {
    PlanarImage image = random(w, h);
    List<int[]> tiles = new ArrayList<>();
    float[][] out = new float[3][w * scale * h * scale];
    List<Integer> rowsSeen = new ArrayList<>();

    new TiledInference(
            t -> {
              tiles.add(new int[] {t.width(), t.height()});
              return replicate(t, scale);
            },
            scale,
            NeuralUpscaler.tiling(tile))
        .run(
            image,
            (y, rows, width, planes) -> {
              rowsSeen.add(y);
              for (int c = 0; c < 3; c++) {
                System.arraycopy(planes[c], 0, out[c], y * width, rows * width);
              }
            },
            done -> {});

    PlanarImage expected = replicate(image, scale);
    for (int c = 0; c < 3; c++) {
      for (int i = 0; i < out[c].length; i++) {
        assertThat(out[c][i])
            .as("channel %d sample %d", c, i)
            .isCloseTo(expected.plane(c)[i], org.assertj.core.data.Offset.offset(1e-6f));
      }
    }
    assertThat(rowsSeen).isSorted().startsWith(0);
    assertThat(tiles).allSatisfy(t -> assertThat(t[0]).isEqualTo(Math.min(tile, w)));
    assertThat(tiles).hasSize(NeuralUpscaler.tiling(tile).tileCount(w, h));
  }

  private static PlanarImage random(int w, int h) {
    Random random = new Random(w * 31L + h);
    float[][] planes = new float[3][w * h];
    for (float[] p : planes) {
      for (int i = 0; i < p.length; i++) {
        p[i] = random.nextFloat();
      }
    }
    return PlanarImage.of(w, h, planes, null);
  }

  private static PlanarImage replicate(PlanarImage in, int s) {
    int w = in.width() * s;
    int h = in.height() * s;
    float[][] planes = new float[3][w * h];
    for (int c = 0; c < 3; c++) {
      for (int y = 0; y < h; y++) {
        for (int x = 0; x < w; x++) {
          planes[c][y * w + x] = in.plane(c)[(y / s) * in.width() + x / s];
        }
      }
    }
    return PlanarImage.of(w, h, planes, null);
  }
}
