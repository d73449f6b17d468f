package org.refocus.models.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.refocus.models.assess.Assessment;
import org.refocus.models.assess.Assessor;
import org.refocus.models.io.DecodedImage;
import org.refocus.models.io.ImageDecoder;
import org.refocus.models.io.ImageReadException;

/** {@code refocus assess [--json] FILE...}: a table, or JSON, of each image's measures. */
final class AssessCommand {

  private final PrintStream out;
  private final PrintStream err;

  AssessCommand(PrintStream out, PrintStream err) {
    this.out = out;
    this.err = err;
  }

  int run(List<String> args) {
    boolean json = args.contains("--json");
    List<String> files = RefocusCli.files(args);
    if (files.isEmpty()) {
      throw new RefocusCli.UsageException("assess needs at least one FILE");
    }
    ImageDecoder decoder = new ImageDecoder();
    Assessor assessor = new Assessor();
    List<Map<String, Object>> rows = new ArrayList<>();
    List<String> failures = new ArrayList<>();
    if (!json) {
      out.printf(
          Locale.ROOT,
          "%-28s %11s %-19s %10s %8s %6s %5s %19s %14s%n",
          "file",
          "size",
          "blur (confidence)",
          "sharpness",
          "noise σ",
          "block",
          "jpeg",
          "motion °/px/fit",
          "defocus px/fit");
    }
    for (String name : files) {
      Path file = Path.of(name);
      try {
        DecodedImage image = decoder.decode(file);
        Assessment a = assessor.assess(image.pixels());
        rows.add(row(name, image, a));
        if (!json) {
          out.printf(
              Locale.ROOT,
              "%-28s %11s %-19s %10.5f %8.2f %6.2f %5s %7.1f %5.1f %5.3f %7.2f %6.3f%n",
              shorten(name, 28),
              a.width() + "x" + a.height(),
              String.format(
                  Locale.ROOT,
                  "%s (%.2f)",
                  a.blur().type().name().toLowerCase(Locale.ROOT),
                  a.blur().confidence()),
              a.sharpness(),
              a.noiseLevels(),
              a.blockiness(),
              a.compression().map(t -> "q" + t.table().quality()).orElse("-"),
              a.motion().angleDegrees(),
              a.motion().lengthPixels(),
              a.motion().strength(),
              a.defocus().radiusPixels(),
              a.defocus().strength());
        }
      } catch (ImageReadException e) {
        failures.add(e.getMessage());
        err.println("refocus: " + e.getMessage());
      }
    }
    if (json) {
      try {
        out.println(
            new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValueAsString(rows));
      } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
        throw new IllegalStateException(e);
      }
    }
    return Summary.report(err, "assessed", files.size() - failures.size(), failures);
  }

  private static Map<String, Object> row(String name, DecodedImage image, Assessment a) {
    Map<String, Object> row = new LinkedHashMap<>();
    row.put("file", name);
    row.put("format", image.format().id());
    row.put("bitDepth", image.bitDepth());
    row.put("width", a.width());
    row.put("height", a.height());
    row.put(
        "blur",
        Map.of(
            "type", a.blur().type().name(),
            "confidence", a.blur().confidence(),
            "detailRatio", a.blur().detailRatio(),
            "anisotropy", a.blur().anisotropy(),
            "resamplingTrace", a.blur().resamplingTrace()));
    row.put("sharpness", a.sharpness());
    row.put("noiseSigmaLevels", a.noiseLevels());
    row.put("blockiness", a.blockiness());
    row.put(
        "jpeg",
        a.compression()
            .map(
                t ->
                    Map.of(
                        "nearestQuality", t.table().quality(),
                        "gridX", t.gridX(),
                        "gridY", t.gridY(),
                        "measuredSteps", t.measuredSteps(),
                        "lumaTable", t.table().steps()))
            .orElse(null));
    row.put(
        "motion",
        Map.of(
            "angleDegrees", a.motion().angleDegrees(),
            "lengthPixels", a.motion().lengthPixels(),
            "strength", a.motion().strength()));
    row.put(
        "defocus",
        Map.of("radiusPixels", a.defocus().radiusPixels(), "strength", a.defocus().strength()));
    return row;
  }

  private static String shorten(String text, int max) {
    return text.length() <= max ? text : "…" + text.substring(text.length() - max + 1);
  }
}
