package org.refocus.models.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.refocus.models.io.DecodedImage;
import org.refocus.models.io.EncodeOptions;
import org.refocus.models.io.Fixity;
import org.refocus.models.io.ImageDecoder;
import org.refocus.models.io.ImageEncoder;
import org.refocus.models.io.ImageFormat;
import org.refocus.models.io.ImageReadException;
import org.refocus.models.io.ImageWriteException;
import org.refocus.models.neural.InferenceEngine;
import org.refocus.models.pipeline.DeclinedStep;
import org.refocus.models.pipeline.Pipeline;
import org.refocus.models.pipeline.PipelineResult;
import org.refocus.models.pipeline.Presets;
import org.refocus.models.pipeline.RestorationException;
import org.refocus.models.pipeline.RestorationSettings;
import org.refocus.models.pipeline.StepRecord;
import org.refocus.models.pipeline.TileProgress;

/**
 * {@code refocus restore}: each file through the pipeline into OUTDIR, with an audit record beside
 * each output. A file that fails is named with its reason and the batch goes on.
 */
final class RestoreCommand {

  private static final ObjectMapper JSON =
      new ObjectMapper()
          .setSerializationInclusion(com.fasterxml.jackson.annotation.JsonInclude.Include.NON_NULL)
          .enable(SerializationFeature.INDENT_OUTPUT);

  private final PrintStream out;
  private final PrintStream err;
  private final boolean terminal;

  RestoreCommand(PrintStream out, PrintStream err, boolean terminal) {
    this.out = out;
    this.err = err;
    this.terminal = terminal;
  }

  int run(List<String> args) {
    String presetName = RefocusCli.option(args, "--preset", Presets.DEFAULT);
    String formatName = RefocusCli.option(args, "--format", null);
    String outDir = RefocusCli.option(args, "-o", null);
    List<String> files = RefocusCli.files(args, "--preset", "--format", "-o");
    if (outDir == null) {
      throw new RefocusCli.UsageException("restore needs -o OUTDIR");
    }
    if (files.isEmpty()) {
      throw new RefocusCli.UsageException("restore needs at least one FILE");
    }
    RestorationSettings settings;
    try {
      settings = Presets.load(presetName);
    } catch (IOException | IllegalArgumentException e) {
      throw new RefocusCli.UsageException(e.getMessage());
    }
    ImageFormat forced = formatName == null ? null : format(formatName);
    Path target = Path.of(outDir);
    List<String> failures = new ArrayList<>();
    int done = 0;
    if (settings.mayUseNeuralModels()) {
      startEngine();
    }
    try (Pipeline pipeline = new Pipeline()) {
      for (int i = 0; i < files.size(); i++) {
        Path file = Path.of(files.get(i));
        ProgressLine line = new ProgressLine(err, terminal);
        line.start(String.format("[%d/%d] %s ... ", i + 1, files.size(), file));
        TileProgress progress =
            (step, tile, tiles) -> line.update(step + ": tile " + tile + " of " + tiles);
        long start = System.nanoTime();
        try {
          Restored restored =
              restore(file, target, forced, presetName, settings, pipeline, progress);
          done++;
          line.finish(
              String.format(
                  Locale.ROOT,
                  "%s (%.1f s): %s",
                  restored.output(),
                  (System.nanoTime() - start) / 1e9,
                  StepSummary.of(restored.steps(), restored.declined())));
        } catch (RestorationException e) {
          line.finish("failed");
          failures.add(file + ": " + e.getMessage());
        } catch (ImageReadException | ImageWriteException | IOException | RuntimeException e) {
          line.finish("failed");
          failures.add(e instanceof RuntimeException ? file + ": " + e : e.getMessage());
        }
      }
    }
    out.flush();
    return Summary.report(err, "restored", done, failures);
  }

  /**
   * MXNet announces its engine on stderr when it starts; started here, that line comes before the
   * first file's progress line instead of inside it.
   */
  private static void startEngine() {
    try {
      InferenceEngine.configured().start();
    } catch (RuntimeException e) {
      // each image whose step needs the engine fails with this reason, named in the summary
    }
  }

  /** Where one file's result went, what was done to it, and what was declined. */
  private record Restored(Path output, List<StepRecord> steps, List<DeclinedStep> declined) {}

  private Restored restore(
      Path file,
      Path outDir,
      ImageFormat forced,
      String presetName,
      RestorationSettings settings,
      Pipeline pipeline,
      TileProgress progress)
      throws ImageReadException, ImageWriteException, IOException {
    DecodedImage input = new ImageDecoder().decode(file);
    ImageFormat format =
        forced != null ? forced : input.format().writable() ? input.format() : ImageFormat.PNG;
    String stem = stem(file.getFileName().toString());
    Path output = outDir.resolve(stem + "." + extension(format));
    if (Files.exists(output) && Files.isSameFile(output, file)) {
      throw new ImageWriteException(output, "would overwrite the original; choose another -o");
    }
    PipelineResult result = pipeline.run(input.pixels(), settings, progress);
    new ImageEncoder()
        .write(
            input.withPixels(result.image()),
            output,
            new EncodeOptions(format, 0, EncodeOptions.DEFAULT_JPEG_QUALITY));
    writeAudit(file, output, presetName, settings, result);
    return new Restored(output, result.steps(), result.declined());
  }

  private static void writeAudit(
      Path input, Path output, String presetName, RestorationSettings settings, PipelineResult r)
      throws IOException {
    Map<String, Object> audit = new LinkedHashMap<>();
    audit.put("input", input.toAbsolutePath().normalize().toString());
    audit.put("inputSha256", Fixity.sha256(input));
    audit.put("output", output.toAbsolutePath().normalize().toString());
    audit.put("outputSha256", Fixity.sha256(output));
    audit.put("preset", presetName);
    audit.put("settings", settings);
    audit.put("assessment", r.assessment());
    audit.put("steps", r.steps());
    audit.put("declined", r.declined());
    Path sidecar = output.resolveSibling(output.getFileName() + ".refocus.json");
    Files.writeString(sidecar, JSON.writeValueAsString(audit));
  }

  private static ImageFormat format(String name) {
    return switch (name.toLowerCase(Locale.ROOT)) {
      case "png" -> ImageFormat.PNG;
      case "jpg", "jpeg" -> ImageFormat.JPEG;
      case "tif", "tiff" -> ImageFormat.TIFF;
      default -> throw new RefocusCli.UsageException("--format png, jpeg or tiff, not " + name);
    };
  }

  private static String extension(ImageFormat format) {
    return switch (format) {
      case JPEG -> "jpg";
      case TIFF -> "tif";
      default -> format.id();
    };
  }

  private static String stem(String fileName) {
    int dot = fileName.lastIndexOf('.');
    return dot > 0 ? fileName.substring(0, dot) : fileName;
  }
}
