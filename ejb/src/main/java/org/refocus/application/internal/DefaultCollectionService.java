package org.refocus.application.internal;

import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.refocus.application.CollectionRejectedException;
import org.refocus.application.CollectionService;
import org.refocus.application.CollectionSummary;
import org.refocus.application.ImageView;
import org.refocus.domain.model.collection.ArchiveCollection;
import org.refocus.domain.model.collection.CollectionRepository;
import org.refocus.domain.model.image.ImageRecord;
import org.refocus.domain.model.image.ImageRecordRepository;
import org.refocus.domain.model.image.ImageStatus;

@Stateless
public class DefaultCollectionService implements CollectionService {

  @Inject CollectionRepository collections;

  @Inject ImageRecordRepository images;

  @Override
  public CollectionSummary register(String name, String originalsRoot) {
    String trimmedName = name.strip();
    Path root = readableDirectory(originalsRoot);
    if (collections.findByName(trimmedName).isPresent()) {
      throw new CollectionRejectedException("a collection named '" + trimmedName + "' exists");
    }
    ArchiveCollection stored =
        collections.store(new ArchiveCollection(trimmedName, root, Instant.now()));
    return summarise(stored, Map.of());
  }

  private static Path readableDirectory(String originalsRoot) {
    Path root;
    try {
      root = Path.of(originalsRoot.strip()).toAbsolutePath().normalize();
    } catch (InvalidPathException e) {
      throw new CollectionRejectedException("not a valid path: " + originalsRoot);
    }
    if (!Files.isDirectory(root)) {
      throw new CollectionRejectedException("originals root is not a directory: " + root);
    }
    if (!Files.isReadable(root)) {
      throw new CollectionRejectedException("originals root is not readable: " + root);
    }
    return root;
  }

  @Override
  public List<CollectionSummary> list() {
    Map<Long, Map<ImageStatus, Long>> counts = images.countByCollectionAndStatus();
    return collections.findAll().stream()
        .map(c -> summarise(c, counts.getOrDefault(c.getId(), Map.of())))
        .toList();
  }

  @Override
  public Optional<CollectionSummary> find(long collectionId) {
    return collections
        .find(collectionId)
        .map(c -> summarise(c, images.countByStatus(collectionId)));
  }

  @Override
  public List<ImageView> images(long collectionId) {
    return images.findByCollection(collectionId).stream()
        .map(DefaultCollectionService::view)
        .toList();
  }

  private static CollectionSummary summarise(
      ArchiveCollection collection, Map<ImageStatus, Long> counts) {
    long total = counts.values().stream().mapToLong(Long::longValue).sum();
    return new CollectionSummary(
        collection.getId(),
        collection.getName(),
        collection.getOriginalsRoot().toString(),
        collection.getCreatedAt(),
        total,
        counts.getOrDefault(ImageStatus.UNREADABLE, 0L));
  }

  private static ImageView view(ImageRecord record) {
    return new ImageView(
        record.getRelativePath(),
        record.getSizeBytes(),
        record.getSha256(),
        record.getStatus().name(),
        record.getFormat(),
        record.getWidth(),
        record.getHeight(),
        record.getProblem(),
        record.getIngestExecutionId(),
        record.getIngestedAt());
  }
}
