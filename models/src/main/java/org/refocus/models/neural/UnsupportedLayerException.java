package org.refocus.models.neural;

/** A layer, activation or option the importer does not implement; the message names it. */
public final class UnsupportedLayerException extends RuntimeException {

  public UnsupportedLayerException(String message) {
    super(message);
  }
}
