package org.refocus.batch.ingest;

/** A failure asked for by fault injection, to exercise restart from a checkpoint. */
public class InjectedFaultException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  public InjectedFaultException(String relativePath) {
    super("fault injected at " + relativePath);
  }
}
