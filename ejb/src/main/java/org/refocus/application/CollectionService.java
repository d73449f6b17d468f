package org.refocus.application;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import java.util.List;
import java.util.Optional;

/** Registers collections of originals and tells what ingest has found in them. */
public interface CollectionService {

  /**
   * Registers a collection whose originals lie under {@code originalsRoot}, a readable directory on
   * the server. The originals are only ever read.
   *
   * @throws CollectionRejectedException when the name is taken or the root is not a readable
   *     directory
   */
  CollectionSummary register(
      @NotBlank @Size(max = 200) String name, @NotBlank @Size(max = 4000) String originalsRoot);

  List<CollectionSummary> list();

  Optional<CollectionSummary> find(long collectionId);

  /** The catalogued images of a collection, in relative-path order. */
  List<ImageView> images(long collectionId);
}
