package org.refocus.domain.model.collection;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Objects;

/**
 * A collection of originals under one read-only root directory: the unit an archive assesses,
 * restores and reviews together.
 */
@Entity
@Table(name = "archive_collection")
public class ArchiveCollection {

  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  private Long id;

  @Column(nullable = false, unique = true, length = 200)
  private String name;

  @Column(name = "originals_root", nullable = false, length = 4000)
  private String originalsRoot;

  @Column(name = "created_at", nullable = false)
  private Instant createdAt;

  protected ArchiveCollection() {
    // for JPA
  }

  public ArchiveCollection(String name, Path originalsRoot, Instant createdAt) {
    this.name = Objects.requireNonNull(name, "name");
    this.originalsRoot = originalsRoot.toAbsolutePath().normalize().toString();
    this.createdAt = Objects.requireNonNull(createdAt, "createdAt");
  }

  public Long getId() {
    return id;
  }

  public String getName() {
    return name;
  }

  public Path getOriginalsRoot() {
    return Path.of(originalsRoot);
  }

  public Instant getCreatedAt() {
    return createdAt;
  }
}
