package org.refocus.application;

import jakarta.ejb.ApplicationException;

/** A request about a collection that cannot be honoured as asked; the message says why. */
@ApplicationException(rollback = true)
public class CollectionRejectedException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  public CollectionRejectedException(String message) {
    super(message);
  }
}
