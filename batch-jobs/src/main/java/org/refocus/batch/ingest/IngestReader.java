package org.refocus.batch.ingest;

import jakarta.batch.api.BatchProperty;
import jakarta.batch.api.chunk.AbstractItemReader;
import jakarta.batch.runtime.context.JobContext;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.List;
import java.util.logging.Logger;
import org.refocus.application.CollectionService;
import org.refocus.application.CollectionSummary;
import org.refocus.application.UnknownCollectionException;

/** Reads the relative paths of a collection's image files, resuming after a checkpoint. */
@Named("ingestReader")
@Dependent
public class IngestReader extends AbstractItemReader {

  private static final Logger LOG = Logger.getLogger(IngestReader.class.getName());

  @Inject
  @BatchProperty(name = "collectionId")
  String collectionId;

  @Inject JobContext jobContext;

  @Inject CollectionService collections;

  private Iterator<String> remaining;
  private String lastRead;

  @Override
  public void open(Serializable checkpoint) throws Exception {
    long id = Long.parseLong(collectionId);
    CollectionSummary collection =
        collections.find(id).orElseThrow(() -> new UnknownCollectionException(id));
    List<String> paths = CollectionWalker.imagePaths(Path.of(collection.originalsRoot()));
    if (checkpoint instanceof IngestCheckpoint resumed) {
      lastRead = resumed.lastCommittedPath();
      paths = CollectionWalker.after(paths, lastRead);
      LOG.info(
          () ->
              "Execution "
                  + jobContext.getExecutionId()
                  + " resumes ingest of '"
                  + collection.name()
                  + "' after "
                  + resumed.lastCommittedPath());
    }
    remaining = paths.iterator();
  }

  @Override
  public Object readItem() {
    if (!remaining.hasNext()) {
      return null;
    }
    lastRead = remaining.next();
    return lastRead;
  }

  @Override
  public Serializable checkpointInfo() {
    return lastRead == null ? null : new IngestCheckpoint(lastRead);
  }
}
