package org.refocus.application;

import jakarta.ejb.ApplicationException;

@ApplicationException(rollback = true)
public class RunNotRestartableException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  public RunNotRestartableException(String message) {
    super(message);
  }
}
