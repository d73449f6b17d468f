package org.refocus.models.store;

/** A model cannot be provided; the message names the package and says what to do. */
public final class ModelStoreException extends Exception {
  private static final long serialVersionUID = 1L;

  public ModelStoreException(String message) {
    super(message);
  }

  public ModelStoreException(String message, Throwable cause) {
    super(message, cause);
  }
}
