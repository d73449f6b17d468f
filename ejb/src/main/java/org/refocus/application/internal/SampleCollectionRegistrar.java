package org.refocus.application.internal;

import jakarta.annotation.PostConstruct;
import jakarta.ejb.DependsOn;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.inject.Inject;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.refocus.application.CollectionService;

/**
 * Registers the bundled sample collection on first start, so a fresh installation shows something
 * real. Configured by {@code refocus.samples.dir}; absent means no samples.
 */
@Singleton
@Startup
@DependsOn("SchemaMigration")
public class SampleCollectionRegistrar {

  public static final String SAMPLE_COLLECTION_NAME = "Sample collection";

  private static final Logger LOG = Logger.getLogger(SampleCollectionRegistrar.class.getName());

  @Inject
  @ConfigProperty(name = "refocus.samples.dir")
  Optional<String> samplesDir;

  @Inject CollectionService collections;

  @PostConstruct
  void registerOnFirstStart() {
    if (samplesDir.isEmpty() || samplesDir.get().isBlank()) {
      return;
    }
    Path root = Path.of(samplesDir.get());
    if (!Files.isDirectory(root)) {
      LOG.warning(() -> "refocus.samples.dir is not a directory, no samples registered: " + root);
      return;
    }
    boolean registered =
        collections.list().stream().anyMatch(c -> c.name().equals(SAMPLE_COLLECTION_NAME));
    if (!registered) {
      collections.register(SAMPLE_COLLECTION_NAME, root.toString());
      LOG.info(() -> "Registered the sample collection at " + root);
    }
  }
}
