package org.refocus.application;

import java.util.Optional;

/**
 * The batch runtime as the application sees it: start, inspect and restart job executions.
 * Implemented next to the jobs themselves (module batch-jobs), which know their names and
 * parameters; this module only knows the port.
 */
public interface BatchRuns {

  /** Starts an ingest of the collection and returns its execution id. */
  long startIngest(long collectionId, IngestOptions options);

  Optional<RunView> find(long executionId);

  /**
   * Restarts a failed or stopped execution from its last checkpoint with the parameters it was
   * first started with, less any fault injection, and returns the new execution id.
   *
   * @throws RunNotRestartableException when the execution is unknown or not restartable
   */
  long restart(long executionId);
}
