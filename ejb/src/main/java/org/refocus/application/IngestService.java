package org.refocus.application;

import jakarta.validation.constraints.NotNull;
import java.util.List;
import java.util.Optional;
import org.refocus.domain.model.image.IngestedImage;

/** Ingest: walking a collection's originals into the catalogue, as a restartable batch run. */
public interface IngestService {

  /**
   * Starts an ingest run of a collection.
   *
   * @throws UnknownCollectionException when there is no such collection
   * @throws CollectionRejectedException when its originals root is no longer readable
   */
  RunView startIngest(long collectionId, @NotNull IngestOptions options);

  Optional<RunView> run(long executionId);

  /** Restarts a failed or stopped run from its last checkpoint. */
  RunView restart(long executionId);

  /**
   * Records what one chunk of an ingest run found. Idempotent: a path already catalogued is updated
   * in place, so a chunk redone after a failure leaves one record per path.
   */
  void catalogue(long collectionId, long executionId, @NotNull List<IngestedImage> images);
}
