package org.refocus.models.io;

import java.nio.file.Path;

/** An image file that cannot be read, with the file named in the message. */
public class ImageReadException extends Exception {

  private static final long serialVersionUID = 1L;

  private final transient Path file;

  public ImageReadException(Path file, String problem) {
    super(file + ": " + problem);
    this.file = file;
  }

  public ImageReadException(Path file, String problem, Throwable cause) {
    super(file + ": " + problem, cause);
    this.file = file;
  }

  public Path file() {
    return file;
  }
}
