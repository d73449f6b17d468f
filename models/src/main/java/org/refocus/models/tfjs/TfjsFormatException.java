package org.refocus.models.tfjs;

import java.nio.file.Path;

/** A TF.js model file Refocus cannot read or will not run; the message names the file. */
public final class TfjsFormatException extends Exception {

  public TfjsFormatException(Path file, String problem) {
    super(file + ": " + problem);
  }

  public TfjsFormatException(Path file, String problem, Throwable cause) {
    super(file + ": " + problem, cause);
  }
}
