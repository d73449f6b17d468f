package org.refocus.domain.model.image;

import java.util.List;
import java.util.Map;
import java.util.Optional;

public interface ImageRecordRepository {

  ImageRecord store(ImageRecord record);

  Optional<ImageRecord> find(long collectionId, String relativePath);

  /** In relative-path order, the order ingest walks a collection. */
  List<ImageRecord> findByCollection(long collectionId);

  /** Image counts per status for every collection that has images. */
  Map<Long, Map<ImageStatus, Long>> countByCollectionAndStatus();

  /** Image counts per status for one collection; statuses without images are absent. */
  Map<ImageStatus, Long> countByStatus(long collectionId);
}
