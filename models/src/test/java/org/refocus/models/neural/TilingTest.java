package org.refocus.models.neural;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
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
    List<int[]> tiles = blendExactly(w, h, scale, NeuralUpscaler.tiling(tile));

    assertThat(tiles).allSatisfy(t -> assertThat(t[0]).isEqualTo(Math.min(tile, w)));
    assertThat(tiles).hasSize(NeuralUpscaler.tiling(tile).tileCount(w, h));
  }

  @ParameterizedTest
  @CsvSource({
    "768, 512, 1", // a Kodak photograph: 256, 256, 256, 128 across; 256, 256, 128 down
    "1280, 720, 1", // a GoPro frame
    "300, 700, 2",
    "200, 200, 1", // one full tile and a 128 one, each way
    "100, 90, 3" // smaller than a tile
  })
  void shorterEdgeTilesBlendExactlyToo(int w, int h, int scale) throws Exception {
    Tiling tiling = new Tiling(192, 32, 8, 128, 64);

    List<int[]> tiles = blendExactly(w, h, scale, tiling);

    assertThat(tiles).hasSize(tiling.tileCount(w, h));
    for (int size : new int[] {w, h}) {
      List<Tiling.Span> spans = tiling.spans(size);
      Tiling.Span last = spans.get(spans.size() - 1);
      assertThat(last.start() + last.length()).as("flush with %d", size).isEqualTo(size);
      for (int i = 1; i < spans.size(); i++) {
        Tiling.Span before = spans.get(i - 1);
        assertThat(before.start() + before.length() - spans.get(i).start())
            .as("overlap of tiles %d and %d along %d", i - 1, i, size)
            .isGreaterThanOrEqualTo(32);
      }
      if (size > 192) {
        assertThat(spans)
            .allSatisfy(s -> assertThat(s.length() % 64).isZero())
            .allSatisfy(s -> assertThat(s.length()).isBetween(128, 192));
      }
    }
    long flush = tiledPixels(new Tiling(192, 32, 8), w, h);
    assertThat(tiledPixels(tiling, w, h)).isLessThanOrEqualTo(flush);
  }

  @Test
  void aKodakPhotographInShorterEdgeTilesRunsOverATenthLessThanFlushOnes() {
    Tiling tiling = new Tiling(256, 32, 8, 128, 64);

    assertThat(tiling.spans(768))
        .containsExactly(
            new Tiling.Span(0, 256),
            new Tiling.Span(224, 256),
            new Tiling.Span(448, 256),
            new Tiling.Span(640, 128));
    assertThat(tiling.spans(512))
        .containsExactly(
            new Tiling.Span(0, 256), new Tiling.Span(224, 256), new Tiling.Span(384, 128));
    assertThat(tiledPixels(tiling, 768, 512)).isEqualTo(896L * 640);
    assertThat(tiledPixels(new Tiling(256, 32, 8), 768, 512)).isEqualTo(1024L * 768);
  }

  /** Input pixels run through the model, overlaps counted as often as they run. */
  private static long tiledPixels(Tiling tiling, int width, int height) {
    long w = tiling.spans(width).stream().mapToLong(Tiling.Span::length).sum();
    long h = tiling.spans(height).stream().mapToLong(Tiling.Span::length).sum();
    return w * h;
  }

  /** Runs the replicating stand-in over the tiles, checks the result, returns the tile sizes. */
  private static List<int[]> blendExactly(int w, int h, int scale, Tiling tiling) throws Exception {
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
            tiling)
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
    return tiles;
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
