package org.refocus.infrastructure.persistence.jpa;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.persistence.EntityManager;
import jakarta.persistence.EntityManagerFactory;
import jakarta.persistence.Persistence;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;
import org.flywaydb.core.api.output.MigrateResult;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.refocus.domain.model.collection.ArchiveCollection;
import org.refocus.domain.model.image.ImageRecord;
import org.refocus.domain.model.image.ImageStatus;
import org.refocus.domain.model.image.IngestedImage;
import org.refocus.infrastructure.persistence.migration.SchemaMigration;

/**
 * The migrations and the entity mappings must agree on every database we support: Flyway builds the
 * schema on a real, empty database, Hibernate validates its mappings against it, and the
 * repositories' queries run.
 */
abstract class SchemaMappingContract {

  private DataSource dataSource;
  private EntityManagerFactory factory;
  private EntityManager em;

  @BeforeEach
  void migrateAndBoot() throws Exception {
    dataSource = emptyDatabase();

    MigrateResult result = SchemaMigration.migrate(dataSource);
    assertThat(result.success).isTrue();
    assertThat(result.migrationsExecuted).isGreaterThanOrEqualTo(1);

    factory =
        Persistence.createEntityManagerFactory(
            "refocus",
            Map.of(
                "jakarta.persistence.transactionType", "RESOURCE_LOCAL",
                "jakarta.persistence.jtaDataSource", dataSource,
                "jakarta.persistence.nonJtaDataSource", dataSource,
                "hibernate.transaction.jta.platform",
                    "org.hibernate.engine.transaction.jta.platform.internal.NoJtaPlatform",
                "hibernate.hbm2ddl.auto", "validate"));
    em = factory.createEntityManager();
  }

  /** A database (or schema) with nothing in it, for one test. */
  abstract DataSource emptyDatabase() throws Exception;

  @AfterEach
  void close() {
    if (em != null) {
      em.close();
    }
    if (factory != null) {
      factory.close();
    }
  }

  @Test
  void migratingTwiceAppliesNothingNew() {
    assertThat(SchemaMigration.migrate(dataSource).migrationsExecuted).isZero();
  }

  @Test
  void storesCollectionsAndUpsertsImagesByPath() {
    JpaCollectionRepository collections = new JpaCollectionRepository();
    collections.entityManager = em;
    JpaImageRecordRepository images = new JpaImageRecordRepository();
    images.entityManager = em;

    em.getTransaction().begin();
    ArchiveCollection stored =
        collections.store(new ArchiveCollection("Maps", Path.of("/archive/maps"), Instant.EPOCH));
    ImageRecord first = new ImageRecord(stored.getId(), "a/plate-1.tif");
    first.catalogue(
        IngestedImage.readable("a/plate-1.tif", 10, "0".repeat(64), "tif", 4, 3), 7, Instant.EPOCH);
    images.store(first);
    ImageRecord broken = new ImageRecord(stored.getId(), "b/torn.jpg");
    broken.catalogue(
        IngestedImage.unreadable("b/torn.jpg", 5, "f".repeat(64), "truncated"), 7, Instant.EPOCH);
    images.store(broken);
    em.getTransaction().commit();
    em.clear();

    assertThat(collections.findByName("Maps"))
        .get()
        .extracting(ArchiveCollection::getOriginalsRoot)
        .isEqualTo(Path.of("/archive/maps"));
    assertThat(images.find(stored.getId(), "a/plate-1.tif"))
        .get()
        .satisfies(
            r -> {
              assertThat(r.getStatus()).isEqualTo(ImageStatus.CATALOGUED);
              assertThat(r.getWidth()).isEqualTo(4);
              assertThat(r.getIngestExecutionId()).isEqualTo(7);
            });
    assertThat(images.countByCollectionAndStatus())
        .isEqualTo(
            Map.of(stored.getId(), Map.of(ImageStatus.CATALOGUED, 1L, ImageStatus.UNREADABLE, 1L)));
    assertThat(images.countByStatus(stored.getId()))
        .isEqualTo(Map.of(ImageStatus.CATALOGUED, 1L, ImageStatus.UNREADABLE, 1L));
    assertThat(images.countByStatus(stored.getId() + 1)).isEmpty();
    List<String> paths =
        images.findByCollection(stored.getId()).stream().map(ImageRecord::getRelativePath).toList();
    assertThat(paths).containsExactly("a/plate-1.tif", "b/torn.jpg");
  }
}
