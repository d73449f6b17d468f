package org.refocus.bench;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.Locale;
import org.refocus.models.image.PlanarImage;
import org.refocus.models.io.ImageDecoder;
import org.refocus.models.neural.NeuralModel;
import org.refocus.models.neural.NeuralModels;
import org.refocus.models.neural.NeuralUpscaler;
import org.refocus.models.neural.Tiling;

/**
 * Bounded memory on a very large image: a SIDE×SIDE photograph (Kodak tiled by mirroring) enlarged
 * by a neural model, streamed band by band into a binary PPM, never held whole. Run it with a small
 * heap ({@code -Xmx4g}) and read the peak resident memory it prints.
 *
 * <p>Usage: {@code LargeImageBenchmark [MODEL] [SIDE] [OUT.ppm]} (default esrgan-slim-x2 10000
 * /tmp/refocus-large.ppm).
 */
public final class LargeImageBenchmark {

  private LargeImageBenchmark() {}

  public static void main(String[] args) throws Exception {
    String id = args.length > 0 ? args[0] : "esrgan-slim-x2";
    int side = args.length > 1 ? Integer.parseInt(args[1]) : 10_000;
    Path target = Path.of(args.length > 2 ? args[2] : "/tmp/refocus-large.ppm");
    PlanarImage source =
        new ImageDecoder().decode(Path.of("../shared/data/Kodak24/kodim05.png")).pixels();
    PlanarImage image = mirrored(source, side);
    try (NeuralModel model = NeuralModels.configured().load(id)) {
      NeuralUpscaler upscaler = new NeuralUpscaler(model);
      Tiling tiling = upscaler.defaultTiling();
      int s = model.scale();
      int total = tiling.tileCount(side, side);
      System.out.printf(
          Locale.ROOT,
          "%s on %s: %d×%d → %d×%d, tile %d (overlap %d), %d tiles, heap max %d MB%n",
          id,
          model.engine().describe(),
          side,
          side,
          side * s,
          side * s,
          tiling.tile(),
          tiling.overlap(),
          total,
          Runtime.getRuntime().maxMemory() >> 20);
      MessageDigest sha = MessageDigest.getInstance("SHA-256");
      long start = System.nanoTime();
      try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(target), 1 << 20)) {
        byte[] header =
            ("P6\n" + side * s + " " + side * s + "\n255\n").getBytes(StandardCharsets.US_ASCII);
        out.write(header);
        sha.update(header);
        upscaler.upscale(
            image,
            tiling,
            (y, rows, width, planes) -> {
              byte[] line = new byte[3 * width];
              try {
                for (int r = 0; r < rows; r++) {
                  for (int x = 0; x < width; x++) {
                    for (int c = 0; c < 3; c++) {
                      line[3 * x + c] = (byte) Math.round(planes[c][r * width + x] * 255f);
                    }
                  }
                  out.write(line);
                  sha.update(line);
                }
              } catch (IOException e) {
                throw new UncheckedIOException(e);
              }
            },
            done -> {
              if (done % Math.max(1, total / 20) == 0 || done == total) {
                System.out.printf(
                    Locale.ROOT,
                    "  %d/%d tiles, %.0f s%n",
                    done,
                    total,
                    (System.nanoTime() - start) / 1e9);
              }
            });
      }
      double seconds = (System.nanoTime() - start) / 1e9;
      System.out.printf(
          Locale.ROOT,
          "done in %.0f s (%.3f input MP/s), output %s (%d MB, sha256 %s), peak RSS %d MB%n",
          seconds,
          (double) side * side / 1e6 / seconds,
          target,
          Files.size(target) >> 20,
          HexFormat.of().formatHex(sha.digest()).substring(0, 16),
          OperatorBenchmark.peakResidentMegabytes());
    }
  }

  private static PlanarImage mirrored(PlanarImage source, int side) {
    float[][] planes = new float[3][side * side];
    int w = source.width();
    int h = source.height();
    for (int c = 0; c < 3; c++) {
      float[] in = source.plane(c);
      for (int y = 0; y < side; y++) {
        int sy = mirror(y, h);
        for (int x = 0; x < side; x++) {
          planes[c][y * side + x] = in[sy * w + mirror(x, w)];
        }
      }
    }
    return PlanarImage.of(side, side, planes, null);
  }

  private static int mirror(int i, int n) {
    int m = i % (2 * n);
    return m < n ? m : 2 * n - 1 - m;
  }
}
