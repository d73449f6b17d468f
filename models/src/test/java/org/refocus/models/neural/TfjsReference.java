package org.refocus.models.neural;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.refocus.models.image.PlanarImage;

/**
 * TF.js itself, the models' original runtime, pinned by version and integrity in {@code
 * src/test/node/package-lock.json}, installed with {@code npm ci} and run in Node on raw float
 * input.
 */
final class TfjsReference {

  private static final Path NODE_PROJECT = Path.of("src", "test", "node");
  private static final Path INSTALL = Path.of("target", "tfjs-reference");

  private TfjsReference() {}

  /** Installs the pinned packages unless the same lock file is already installed. */
  static synchronized void install() throws IOException, InterruptedException {
    Files.createDirectories(INSTALL);
    Path lock = INSTALL.resolve("package-lock.json");
    boolean current =
        Files.isDirectory(INSTALL.resolve("node_modules"))
            && Files.isRegularFile(lock)
            && Files.mismatch(lock, NODE_PROJECT.resolve("package-lock.json")) == -1;
    for (String file : List.of("package.json", "package-lock.json", "tfjs-reference.mjs")) {
      Files.copy(
          NODE_PROJECT.resolve(file), INSTALL.resolve(file), StandardCopyOption.REPLACE_EXISTING);
    }
    if (!current) {
      run(List.of("npm", "ci", "--no-audit", "--no-fund", "--loglevel=error"), 300);
    }
  }

  /**
   * The model run by TF.js on the image's colour, fed in the model's range ({@code range} 255 or
   * 1), returned on 0..1 clipped as UpscalerJS clips.
   *
   * @param backend "cpu" (plain JavaScript) or "wasm" (XNNPACK, with the script's checked Einsum)
   */
  static PlanarImage run(Path modelJson, PlanarImage image, int scale, float range, String backend)
      throws IOException, InterruptedException {
    int w = image.width();
    int h = image.height();
    ByteBuffer in = ByteBuffer.allocate(4 * 3 * w * h).order(ByteOrder.LITTLE_ENDIAN);
    for (int i = 0; i < w * h; i++) {
      for (int c = 0; c < 3; c++) {
        in.putFloat(image.plane(c)[i] * range);
      }
    }
    Path input = Files.createTempFile(INSTALL.toAbsolutePath(), "in", ".f32");
    Path output = Files.createTempFile(INSTALL.toAbsolutePath(), "out", ".f32");
    try {
      Files.write(input, in.array());
      run(
          List.of(
              "node",
              "tfjs-reference.mjs",
              modelJson.toAbsolutePath().toString(),
              input.toString(),
              Integer.toString(h),
              Integer.toString(w),
              output.toString(),
              backend),
          900);
      ByteBuffer out = ByteBuffer.wrap(Files.readAllBytes(output)).order(ByteOrder.LITTLE_ENDIAN);
      int ow = w * scale;
      int oh = h * scale;
      float[][] planes = new float[3][ow * oh];
      for (int i = 0; i < ow * oh; i++) {
        for (int c = 0; c < 3; c++) {
          planes[c][i] = Math.max(0f, Math.min(range, out.getFloat())) / range;
        }
      }
      return PlanarImage.rgb(ow, oh, planes[0], planes[1], planes[2]);
    } finally {
      Files.deleteIfExists(input);
      Files.deleteIfExists(output);
    }
  }

  private static void run(List<String> command, int timeoutSeconds)
      throws IOException, InterruptedException {
    Process process =
        new ProcessBuilder(command)
            .directory(INSTALL.toFile())
            .redirectErrorStream(true)
            .redirectOutput(INSTALL.resolve("last-command.log").toFile())
            .start();
    if (!process.waitFor(timeoutSeconds, TimeUnit.SECONDS)) {
      process.destroyForcibly();
      throw new IOException(command + " did not finish in " + timeoutSeconds + " s");
    }
    if (process.exitValue() != 0) {
      throw new IOException(
          command + " failed: " + Files.readString(INSTALL.resolve("last-command.log")));
    }
  }
}
