package org.refocus.batch.ingest;

/** A file of the collection whose bytes could not be read at all; skipped and counted. */
public class UnreadableFileException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  public UnreadableFileException(String message, Throwable cause) {
    super(message, cause);
  }
}
