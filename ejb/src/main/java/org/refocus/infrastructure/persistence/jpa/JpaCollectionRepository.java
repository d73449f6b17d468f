package org.refocus.infrastructure.persistence.jpa;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.List;
import java.util.Optional;
import org.refocus.domain.model.collection.ArchiveCollection;
import org.refocus.domain.model.collection.CollectionRepository;

@ApplicationScoped
public class JpaCollectionRepository implements CollectionRepository {

  @PersistenceContext(unitName = "refocus")
  EntityManager entityManager;

  @Override
  public ArchiveCollection store(ArchiveCollection collection) {
    if (collection.getId() == null) {
      entityManager.persist(collection);
      return collection;
    }
    return entityManager.merge(collection);
  }

  @Override
  public Optional<ArchiveCollection> find(long id) {
    return Optional.ofNullable(entityManager.find(ArchiveCollection.class, id));
  }

  @Override
  public Optional<ArchiveCollection> findByName(String name) {
    return entityManager
        .createQuery(
            "select c from ArchiveCollection c where c.name = :name", ArchiveCollection.class)
        .setParameter("name", name)
        .getResultStream()
        .findFirst();
  }

  @Override
  public List<ArchiveCollection> findAll() {
    return entityManager
        .createQuery("select c from ArchiveCollection c order by c.name", ArchiveCollection.class)
        .getResultList();
  }
}
