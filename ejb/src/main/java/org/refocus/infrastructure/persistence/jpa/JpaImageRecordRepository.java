package org.refocus.infrastructure.persistence.jpa;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.refocus.domain.model.image.ImageRecord;
import org.refocus.domain.model.image.ImageRecordRepository;
import org.refocus.domain.model.image.ImageStatus;

@ApplicationScoped
public class JpaImageRecordRepository implements ImageRecordRepository {

  @PersistenceContext(unitName = "refocus")
  EntityManager entityManager;

  @Override
  public ImageRecord store(ImageRecord record) {
    if (record.getId() == null) {
      entityManager.persist(record);
      return record;
    }
    return entityManager.merge(record);
  }

  @Override
  public Optional<ImageRecord> find(long collectionId, String relativePath) {
    return entityManager
        .createQuery(
            "select i from ImageRecord i"
                + " where i.collectionId = :collection and i.relativePath = :path",
            ImageRecord.class)
        .setParameter("collection", collectionId)
        .setParameter("path", relativePath)
        .getResultStream()
        .findFirst();
  }

  @Override
  public List<ImageRecord> findByCollection(long collectionId) {
    return entityManager
        .createQuery(
            "select i from ImageRecord i where i.collectionId = :collection"
                + " order by i.relativePath",
            ImageRecord.class)
        .setParameter("collection", collectionId)
        .getResultList();
  }

  @Override
  public Map<ImageStatus, Long> countByStatus(long collectionId) {
    Map<ImageStatus, Long> counts = new EnumMap<>(ImageStatus.class);
    entityManager
        .createQuery(
            "select i.status, count(i) from ImageRecord i where i.collectionId = :collection"
                + " group by i.status",
            Object[].class)
        .setParameter("collection", collectionId)
        .getResultList()
        .forEach(row -> counts.put((ImageStatus) row[0], (Long) row[1]));
    return counts;
  }

  @Override
  public Map<Long, Map<ImageStatus, Long>> countByCollectionAndStatus() {
    Map<Long, Map<ImageStatus, Long>> counts = new HashMap<>();
    entityManager
        .createQuery(
            "select i.collectionId, i.status, count(i) from ImageRecord i"
                + " group by i.collectionId, i.status",
            Object[].class)
        .getResultList()
        .forEach(
            row ->
                counts
                    .computeIfAbsent((Long) row[0], id -> new EnumMap<>(ImageStatus.class))
                    .put((ImageStatus) row[1], (Long) row[2]));
    return counts;
  }
}
