package org.refocus.batch.ingest;

import jakarta.batch.api.BatchProperty;
import jakarta.batch.api.chunk.ItemProcessor;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.refocus.application.CollectionService;
import org.refocus.application.UnknownCollectionException;
import org.refocus.domain.model.image.IngestedImage;
import org.refocus.models.io.Fixity;
import org.refocus.models.io.ImageFacts;
import org.refocus.models.io.ImageProbe;
import org.refocus.models.io.ImageReadException;

/**
 * Measures one original: size, SHA-256 and what its header declares. An image that cannot be
 * decoded is still catalogued, as unreadable with the reason, so the archive knows of it.
 */
@Named("ingestProcessor")
@Dependent
public class IngestProcessor implements ItemProcessor {

  @Inject
  @BatchProperty(name = "collectionId")
  String collectionId;

  @Inject
  @BatchProperty(name = "failOnPath")
  String failOnPath;

  @Inject
  @ConfigProperty(name = "refocus.fault-injection.enabled", defaultValue = "false")
  boolean faultInjectionEnabled;

  @Inject CollectionService collections;

  private final ImageProbe probe = new ImageProbe();
  private Path root;

  @Override
  public Object processItem(Object item) {
    String relativePath = (String) item;
    if (faultInjectionEnabled && relativePath.equals(failOnPath)) {
      throw new InjectedFaultException(relativePath);
    }
    Path file = root().resolve(relativePath);
    long size;
    String sha256;
    try {
      size = Files.size(file);
      sha256 = Fixity.sha256(file);
    } catch (IOException e) {
      throw new UnreadableFileException(file + ": cannot read (" + e + ")", e);
    }
    try {
      ImageFacts facts = probe.probe(file);
      return IngestedImage.readable(
          relativePath, size, sha256, facts.format(), facts.width(), facts.height());
    } catch (ImageReadException e) {
      return IngestedImage.unreadable(relativePath, size, sha256, e.getMessage());
    }
  }

  private Path root() {
    if (root == null) {
      long id = Long.parseLong(collectionId);
      root =
          Path.of(
              collections
                  .find(id)
                  .orElseThrow(() -> new UnknownCollectionException(id))
                  .originalsRoot());
    }
    return root;
  }
}
