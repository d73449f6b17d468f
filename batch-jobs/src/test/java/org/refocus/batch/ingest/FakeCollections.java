package org.refocus.batch.ingest;

import jakarta.enterprise.context.ApplicationScoped;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.refocus.application.CollectionService;
import org.refocus.application.CollectionSummary;
import org.refocus.application.ImageView;

/**
 * The one collection the batch tests ingest, with a root each test chooses. State is static: the
 * tests reach it directly, not through the CDI container JBeret SE starts for the jobs.
 */
@ApplicationScoped
public class FakeCollections implements CollectionService {

  static final long COLLECTION_ID = 42;

  private static volatile Path root;

  static void useRoot(Path newRoot) {
    root = newRoot;
  }

  @Override
  public Optional<CollectionSummary> find(long collectionId) {
    if (collectionId != COLLECTION_ID || root == null) {
      return Optional.empty();
    }
    return Optional.of(
        new CollectionSummary(COLLECTION_ID, "Test box", root.toString(), Instant.EPOCH, 0, 0));
  }

  @Override
  public CollectionSummary register(String name, String originalsRoot) {
    throw new AssertionError("batch artifacts never register collections");
  }

  @Override
  public List<CollectionSummary> list() {
    throw new AssertionError("batch artifacts never list collections");
  }

  @Override
  public List<ImageView> images(long collectionId) {
    throw new AssertionError("batch artifacts never list images");
  }
}
