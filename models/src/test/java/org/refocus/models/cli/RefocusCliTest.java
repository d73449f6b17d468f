package org.refocus.models.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.refocus.models.SharedData;
import org.refocus.models.io.Fixity;
import org.refocus.models.store.ModelStore;

class RefocusCliTest {

  private static final Path SAMPLES = Path.of("..", "samples");

  @TempDir Path dir;

  private final ByteArrayOutputStream out = new ByteArrayOutputStream();
  private final ByteArrayOutputStream err = new ByteArrayOutputStream();

  @Test
  void restoreFinishesTheGoodFilesNamesTheBadOnesAndExitsNonZero() throws Exception {
    Path originals = Files.createDirectories(dir.resolve("box"));
    Path good = Files.copy(SAMPLES.resolve("coins.png"), originals.resolve("coins.png"));
    Path gray = Files.copy(SAMPLES.resolve("text.png"), originals.resolve("text.png"));
    Path empty = Files.createFile(originals.resolve("empty.png"));
    byte[] png = Files.readAllBytes(SAMPLES.resolve("camera.png"));
    Path torn = Files.write(originals.resolve("torn.png"), Arrays.copyOf(png, png.length / 3));
    String goodSha = Fixity.sha256(good);
    Path outDir = dir.resolve("restored");

    int status =
        run(
            "restore",
            "--preset",
            "enlarge-2x",
            "-o",
            outDir.toString(),
            good.toString(),
            empty.toString(),
            torn.toString(),
            gray.toString());

    assertThat(status).isEqualTo(RefocusCli.SOME_FAILED);
    assertThat(outDir.resolve("coins.png")).exists();
    assertThat(outDir.resolve("text.png")).exists();
    assertThat(outDir.resolve("empty.png")).doesNotExist();
    String log = err.toString(StandardCharsets.UTF_8);
    assertThat(log).contains("[1/4]", "[4/4]", "2 restored, 2 failed");
    assertThat(log).as("what was done to each").contains("upscale ×2 (lanczos4)");
    assertThat(log).contains("empty.png: empty file").contains("torn.png");
    assertThat(Fixity.sha256(good)).as("the original is never written").isEqualTo(goodSha);

    JsonNode audit = new ObjectMapper().readTree(outDir.resolve("coins.png.refocus.json").toFile());
    assertThat(audit.get("inputSha256").asText()).isEqualTo(goodSha);
    assertThat(audit.get("outputSha256").asText())
        .isEqualTo(Fixity.sha256(outDir.resolve("coins.png")));
    assertThat(audit.get("preset").asText()).isEqualTo("enlarge-2x");
    assertThat(audit.get("steps"))
        .anySatisfy(s -> assertThat(s.get("operator").asText()).isEqualTo("lanczos4"));
  }

  /**
   * A blurred frame the conservative preset leaves alone says why, on its line and in its audit.
   */
  @Test
  void restoreSaysWhyABlurredImageWasLeftAlone() throws Exception {
    Path frame = SharedData.path("GoPro_samples", "blur", "Flower1.png");
    Path outDir = dir.resolve("restored");

    int status = run("restore", "-o", outDir.toString(), frame.toString());

    assertThat(status).isZero();
    assertThat(err.toString(StandardCharsets.UTF_8))
        .contains("untouched; deblur declined: motion blur assessed at sharpness");
    JsonNode audit =
        new ObjectMapper().readTree(outDir.resolve("Flower1.png.refocus.json").toFile());
    assertThat(audit.get("steps")).isEmpty();
    assertThat(audit.get("declined"))
        .singleElement()
        .satisfies(
            d -> {
              assertThat(d.get("step").asText()).isEqualTo("deblur");
              assertThat(d.get("reason").asText())
                  .endsWith(
                      "too little to tell from the photograph's own detail (at least 3.0 px"
                          + " asked there)");
            });
  }

  @Test
  void refusesToOverwriteAnOriginal() throws Exception {
    Path original = Files.copy(SAMPLES.resolve("coins.png"), dir.resolve("coins.png"));
    String sha = Fixity.sha256(original);

    int status = run("restore", "-o", dir.toString(), original.toString());

    assertThat(status).isEqualTo(RefocusCli.SOME_FAILED);
    assertThat(err.toString(StandardCharsets.UTF_8)).contains("would overwrite the original");
    assertThat(Fixity.sha256(original)).isEqualTo(sha);
  }

  @Test
  void assessPrintsJsonForEveryReadableFile() throws Exception {
    int status = run("assess", "--json", SAMPLES.resolve("clock_motion.png").toString());

    assertThat(status).isEqualTo(RefocusCli.OK);
    JsonNode rows = new ObjectMapper().readTree(out.toString(StandardCharsets.UTF_8));
    assertThat(rows).hasSize(1);
    assertThat(rows.get(0).get("width").asInt()).isEqualTo(400);
    assertThat(rows.get(0).get("motion").get("angleDegrees").asDouble()).isBetween(0.0, 180.0);
  }

  @Test
  void modelsListNamesEveryModelAndItsPinnedPackage() {
    System.setProperty(ModelStore.CACHE_PROPERTY, dir.toString());
    try {
      int status = run("models", "list");

      assertThat(status).isEqualTo(RefocusCli.OK);
      String listing = out.toString(StandardCharsets.UTF_8);
      assertThat(listing)
          .contains("esrgan-thick-x8", "@upscalerjs/esrgan-thick@1.0.0", "rrdn", "missing");
      assertThat(listing).contains("cache: " + dir.toAbsolutePath().normalize());
    } finally {
      System.clearProperty(ModelStore.CACHE_PROPERTY);
    }
  }

  @Test
  void modelsFetchNamesAnUnknownModelAndExitsNonZero() {
    System.setProperty(ModelStore.CACHE_PROPERTY, dir.toString());
    try {
      assertThat(run("models", "fetch", "esrgan-gigantic-x16")).isEqualTo(RefocusCli.SOME_FAILED);
      assertThat(err.toString(StandardCharsets.UTF_8))
          .contains("esrgan-gigantic-x16: no such model");
    } finally {
      System.clearProperty(ModelStore.CACHE_PROPERTY);
    }
  }

  @Test
  void modelsFetchVerifiesAndConvertsForDjl() throws Exception {
    System.setProperty(ModelStore.CACHE_PROPERTY, dir.toString());
    try {
      assertThat(run("models", "fetch", "default-model-x2")).isEqualTo(RefocusCli.OK);
      assertThat(out.toString(StandardCharsets.UTF_8))
          .contains("@upscalerjs/default-model@1.0.0 ... verified")
          .contains("default-model-x2 ... converted for DJL");
      Path converted = dir.resolve("converted/upscalerjs+default-model@1.0.0/default-model-x2");
      assertThat(converted.resolve("conversion.json")).isRegularFile();
      assertThat(converted.resolve("default-model-x2-0000.params")).isRegularFile();
    } finally {
      System.clearProperty(ModelStore.CACHE_PROPERTY);
    }
  }

  @Test
  void anUnknownCommandIsAUsageError() {
    assertThat(run("sharpen", "x.png")).isEqualTo(RefocusCli.USAGE);
    assertThat(err.toString(StandardCharsets.UTF_8)).contains("unknown command 'sharpen'");
  }

  private int run(String... args) {
    return RefocusCli.run(
        List.of(args),
        new PrintStream(out, true, StandardCharsets.UTF_8),
        new PrintStream(err, true, StandardCharsets.UTF_8));
  }
}
