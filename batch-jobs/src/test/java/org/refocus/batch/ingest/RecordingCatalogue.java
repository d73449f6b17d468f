package org.refocus.batch.ingest;

import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.refocus.application.IngestOptions;
import org.refocus.application.IngestService;
import org.refocus.application.RunView;
import org.refocus.domain.model.image.IngestedImage;

/**
 * Records what the ingest writer catalogues, chunk by chunk, as the real service would keep it.
 * State is static: the tests read it directly, not through a CDI client proxy.
 */
@ApplicationScoped
public class RecordingCatalogue implements IngestService {

  /** Relative path → the image as last catalogued; an upsert like the real repository. */
  static final Map<String, IngestedImage> images = new LinkedHashMap<>();

  /** Relative path → the execution that catalogued it last. */
  static final Map<String, Long> executions = new LinkedHashMap<>();

  static final List<List<String>> chunks = new ArrayList<>();

  static synchronized void clear() {
    images.clear();
    executions.clear();
    chunks.clear();
  }

  @Override
  public void catalogue(long collectionId, long executionId, List<IngestedImage> found) {
    if (collectionId != FakeCollections.COLLECTION_ID) {
      throw new AssertionError("unexpected collection " + collectionId);
    }
    synchronized (RecordingCatalogue.class) {
      record(executionId, found);
    }
  }

  private static void record(long executionId, List<IngestedImage> found) {
    chunks.add(found.stream().map(IngestedImage::relativePath).toList());
    for (IngestedImage image : found) {
      images.put(image.relativePath(), image);
      executions.put(image.relativePath(), executionId);
    }
  }

  @Override
  public RunView startIngest(long collectionId, IngestOptions options) {
    throw new AssertionError("batch artifacts never start runs");
  }

  @Override
  public Optional<RunView> run(long executionId) {
    throw new AssertionError("batch artifacts never look up runs");
  }

  @Override
  public RunView restart(long executionId) {
    throw new AssertionError("batch artifacts never restart runs");
  }
}
