package org.refocus.batch.ingest;

import jakarta.batch.api.BatchProperty;
import jakarta.batch.api.chunk.AbstractItemWriter;
import jakarta.batch.runtime.context.JobContext;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.util.List;
import org.refocus.application.IngestService;
import org.refocus.domain.model.image.IngestedImage;

/**
 * Catalogues a chunk's images inside the chunk's transaction, so they commit with the checkpoint.
 */
@Named("ingestWriter")
@Dependent
public class IngestWriter extends AbstractItemWriter {

  @Inject
  @BatchProperty(name = "collectionId")
  String collectionId;

  @Inject JobContext jobContext;

  @Inject IngestService ingest;

  @Override
  public void writeItems(List<Object> items) {
    List<IngestedImage> images = items.stream().map(IngestedImage.class::cast).toList();
    ingest.catalogue(Long.parseLong(collectionId), jobContext.getExecutionId(), images);
  }
}
