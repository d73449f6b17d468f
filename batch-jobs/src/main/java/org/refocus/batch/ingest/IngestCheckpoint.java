package org.refocus.batch.ingest;

import java.io.Serializable;

/**
 * Where an ingest run stands: the relative path of the last image whose chunk committed. A restart
 * resumes with the first path after it (keyset, not offset, so files added before the checkpoint do
 * not shift the position).
 */
public record IngestCheckpoint(String lastCommittedPath) implements Serializable {

  private static final long serialVersionUID = 1L;
}
