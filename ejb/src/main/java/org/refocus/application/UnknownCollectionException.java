package org.refocus.application;

import jakarta.ejb.ApplicationException;

@ApplicationException(rollback = true)
public class UnknownCollectionException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  public UnknownCollectionException(long collectionId) {
    super("no collection with id " + collectionId);
  }
}
