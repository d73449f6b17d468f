package org.refocus.application.internal;

import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import java.nio.file.Files;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.refocus.application.BatchRuns;
import org.refocus.application.CollectionRejectedException;
import org.refocus.application.IngestOptions;
import org.refocus.application.IngestService;
import org.refocus.application.RunNotRestartableException;
import org.refocus.application.RunView;
import org.refocus.application.UnknownCollectionException;
import org.refocus.domain.model.collection.ArchiveCollection;
import org.refocus.domain.model.collection.CollectionRepository;
import org.refocus.domain.model.image.ImageRecord;
import org.refocus.domain.model.image.ImageRecordRepository;
import org.refocus.domain.model.image.IngestedImage;

@Stateless
public class DefaultIngestService implements IngestService {

  @Inject CollectionRepository collections;

  @Inject ImageRecordRepository images;

  @EJB BatchRuns batchRuns;

  @Override
  public RunView startIngest(long collectionId, IngestOptions options) {
    ArchiveCollection collection =
        collections
            .find(collectionId)
            .orElseThrow(() -> new UnknownCollectionException(collectionId));
    if (!Files.isDirectory(collection.getOriginalsRoot())) {
      throw new CollectionRejectedException(
          "originals root of '"
              + collection.getName()
              + "' is no longer a readable directory: "
              + collection.getOriginalsRoot());
    }
    long executionId = batchRuns.startIngest(collectionId, options);
    return existing(executionId);
  }

  @Override
  public Optional<RunView> run(long executionId) {
    return batchRuns.find(executionId);
  }

  @Override
  public RunView restart(long executionId) {
    return existing(batchRuns.restart(executionId));
  }

  private RunView existing(long executionId) {
    return batchRuns
        .find(executionId)
        .orElseThrow(
            () -> new RunNotRestartableException("execution " + executionId + " vanished"));
  }

  @Override
  public void catalogue(long collectionId, long executionId, List<IngestedImage> found) {
    Instant now = Instant.now();
    for (IngestedImage image : found) {
      ImageRecord record =
          images
              .find(collectionId, image.relativePath())
              .orElseGet(() -> new ImageRecord(collectionId, image.relativePath()));
      record.catalogue(image, executionId, now);
      images.store(record);
    }
  }
}
