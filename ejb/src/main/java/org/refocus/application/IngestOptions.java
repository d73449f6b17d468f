package org.refocus.application;

import java.io.Serializable;

/**
 * How one ingest run is carried out.
 *
 * @param checkpointEvery images per chunk: work since the last checkpoint is what a restart redoes;
 *     null for the job's default
 * @param failOnPath fault injection for restart tests: the run fails when it reaches this relative
 *     path. Honoured only where the server enables fault injection; null otherwise
 */
public record IngestOptions(Integer checkpointEvery, String failOnPath) implements Serializable {

  public static final IngestOptions DEFAULTS = new IngestOptions(null, null);

  public IngestOptions {
    if (checkpointEvery != null && checkpointEvery < 1) {
      throw new IllegalArgumentException("checkpointEvery must be at least 1: " + checkpointEvery);
    }
  }
}
