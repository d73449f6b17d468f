package org.refocus.models.neural;

import static org.assertj.core.api.Assertions.assertThat;

import ai.djl.inference.Predictor;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.refocus.models.image.PlanarImage;
import org.refocus.models.io.ImageDecoder;
import org.refocus.models.store.ModelCatalog;
import org.refocus.models.store.ModelStore;

/**
 * For the models whose packages ship no sample result (esrgan-slim and esrgan-medium ×8), the
 * reference is TF.js itself, the runtime the shipped samples came from, pinned by version and
 * integrity in {@code src/test/node/package-lock.json} and run in Node on the same fixture. One
 * model that does ship a sample is run too, to show the reference reproduces the packages' own
 * results.
 */
class TfjsReferenceTest {

  private static final Path NODE_PROJECT = Path.of("src", "test", "node");
  private static final Path INSTALL = Path.of("target", "tfjs-reference");

  private static NeuralModels models;

  @BeforeAll
  static void installTfjs() throws Exception {
    models =
        new NeuralModels(
            ModelStore.configured(), ModelCatalog.bundled(), InferenceEngine.configured());
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
    if (current) {
      return;
    }
    run(List.of("npm", "ci", "--no-audit", "--no-fund", "--loglevel=error"), 300);
  }

  @ParameterizedTest
  @ValueSource(strings = {"esrgan-slim-x8", "esrgan-medium-x8", "esrgan-slim-x4"})
  void matchesTfjsOnTheFixture(String id) throws Exception {
    try (NeuralModel model = models.load(id);
        Predictor<PlanarImage, PlanarImage> predictor = model.newPredictor()) {
      Path root = ModelStore.configured().ensure(model.source());
      PlanarImage fixture =
          new ImageDecoder().decode(root.resolve(model.spec().fixture())).pixels().withoutAlpha();

      PlanarImage ours = predictor.predict(fixture);
      PlanarImage tfjs = tfjs(root.resolve(model.spec().modelJson()), fixture, model.scale());

      FidelityTest.Agreement agreement = FidelityTest.Agreement.of(ours, tfjs);
      System.out.printf("against TF.js %s: %s%n", id, agreement);
      assertThat(agreement.psnr()).isGreaterThanOrEqualTo(90);
      assertThat(agreement.maxError()).isLessThanOrEqualTo(1);
      if (model.spec().sample() != null) {
        PlanarImage shipped =
            new ImageDecoder().decode(root.resolve(model.spec().sample())).pixels().withoutAlpha();
        FidelityTest.Agreement reference = FidelityTest.Agreement.of(tfjs, shipped);
        System.out.printf("TF.js %s against the shipped sample: %s%n", id, reference);
        assertThat(reference.psnr()).isGreaterThanOrEqualTo(90);
      }
    }
  }

  /**
   * The model run by TF.js on the image (0..255 in, as these models take it), clipped as UpscalerJS
   * does.
   */
  private static PlanarImage tfjs(Path modelJson, PlanarImage image, int scale) throws Exception {
    int w = image.width();
    int h = image.height();
    ByteBuffer in = ByteBuffer.allocate(4 * 3 * w * h).order(ByteOrder.LITTLE_ENDIAN);
    for (int i = 0; i < w * h; i++) {
      for (int c = 0; c < 3; c++) {
        in.putFloat(image.plane(c)[i] * 255f);
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
              output.toString()),
          900);
      ByteBuffer out = ByteBuffer.wrap(Files.readAllBytes(output)).order(ByteOrder.LITTLE_ENDIAN);
      int ow = w * scale;
      int oh = h * scale;
      float[][] planes = new float[3][ow * oh];
      for (int i = 0; i < ow * oh; i++) {
        for (int c = 0; c < 3; c++) {
          planes[c][i] = Math.max(0f, Math.min(255f, out.getFloat())) / 255f;
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
