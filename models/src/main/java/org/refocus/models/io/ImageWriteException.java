package org.refocus.models.io;

import java.nio.file.Path;

/** An image that cannot be written as asked, with the target file named in the message. */
public class ImageWriteException extends Exception {

  private static final long serialVersionUID = 1L;

  public ImageWriteException(Path file, String problem) {
    super(file + ": " + problem);
  }

  public ImageWriteException(Path file, String problem, Throwable cause) {
    super(file + ": " + problem, cause);
  }
}
