package org.refocus.domain.model.collection;

import java.util.List;
import java.util.Optional;

public interface CollectionRepository {

  ArchiveCollection store(ArchiveCollection collection);

  Optional<ArchiveCollection> find(long id);

  Optional<ArchiveCollection> findByName(String name);

  List<ArchiveCollection> findAll();
}
