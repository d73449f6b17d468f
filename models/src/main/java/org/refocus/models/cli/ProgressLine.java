package org.refocus.models.cli;

import java.io.PrintStream;

/**
 * The restore command's line for one file: "[2/5] scan.tif ... " and then its outcome. On a
 * terminal the line also shows, rewritten in place, how far a tiled step has got, since MAXIM
 * spends minutes on a large scan; into a file or a pipe it stays one plain line per file.
 */
final class ProgressLine {

  private final PrintStream err;
  private final boolean live;
  private String prefix = "";
  private int shown;

  ProgressLine(PrintStream err, boolean live) {
    this.err = err;
    this.live = live;
  }

  void start(String prefix) {
    this.prefix = prefix;
    shown = prefix.length();
    err.print(prefix);
    err.flush();
  }

  void update(String detail) {
    if (live) {
      rewrite(prefix + detail);
    }
  }

  void finish(String outcome) {
    if (live) {
      rewrite(prefix + outcome);
      err.println();
    } else {
      err.println(outcome);
    }
  }

  /** Back to the line's start; spaces erase what a longer earlier text left. */
  private void rewrite(String text) {
    err.print("\r" + text + " ".repeat(Math.max(0, shown - text.length())));
    shown = text.length();
    err.flush();
  }
}
