package org.refocus.models.neural;

/** A layer, activation or option the importer does not implement; the message names it. */
final class UnsupportedLayerException extends RuntimeException {

  UnsupportedLayerException(String message) {
    super(message);
  }
}
