package org.refocus.models.pipeline;

/** A restoration step could not run as the settings ask; the message says which and why. */
public final class RestorationException extends RuntimeException {

  public RestorationException(String message, Throwable cause) {
    super(message, cause);
  }
}
