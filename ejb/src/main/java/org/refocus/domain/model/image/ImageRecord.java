package org.refocus.domain.model.image;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.UniqueConstraint;
import java.time.Instant;

/**
 * One original image of a collection as ingest found it: where it is, its fixity value, and what
 * its header declares. Identified within its collection by its path relative to the root.
 */
@Entity
@Table(
    name = "image_record",
    uniqueConstraints = @UniqueConstraint(columnNames = {"collection_id", "relative_path"}))
public class ImageRecord {

  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  private Long id;

  @Column(name = "collection_id", nullable = false)
  private long collectionId;

  @Column(name = "relative_path", nullable = false, length = 4000)
  private String relativePath;

  @Column(name = "size_bytes", nullable = false)
  private long sizeBytes;

  @Column(nullable = false, length = 64)
  private String sha256;

  @Enumerated(EnumType.STRING)
  @Column(nullable = false, length = 20)
  private ImageStatus status;

  @Column(length = 20)
  private String format;

  private Integer width;

  private Integer height;

  @Column(length = 2000)
  private String problem;

  @Column(name = "ingest_execution_id", nullable = false)
  private long ingestExecutionId;

  @Column(name = "ingested_at", nullable = false)
  private Instant ingestedAt;

  protected ImageRecord() {
    // for JPA
  }

  public ImageRecord(long collectionId, String relativePath) {
    this.collectionId = collectionId;
    this.relativePath = relativePath;
  }

  /** Records what one ingest execution found; a later ingest of the same path overwrites it. */
  public void catalogue(IngestedImage image, long executionId, Instant at) {
    this.sizeBytes = image.sizeBytes();
    this.sha256 = image.sha256();
    this.status = image.problem() == null ? ImageStatus.CATALOGUED : ImageStatus.UNREADABLE;
    this.format = image.format();
    this.width = image.width();
    this.height = image.height();
    this.problem = truncate(image.problem(), 2000);
    this.ingestExecutionId = executionId;
    this.ingestedAt = at;
  }

  private static String truncate(String text, int max) {
    return text == null || text.length() <= max ? text : text.substring(0, max);
  }

  public Long getId() {
    return id;
  }

  public long getCollectionId() {
    return collectionId;
  }

  public String getRelativePath() {
    return relativePath;
  }

  public long getSizeBytes() {
    return sizeBytes;
  }

  public String getSha256() {
    return sha256;
  }

  public ImageStatus getStatus() {
    return status;
  }

  public String getFormat() {
    return format;
  }

  public Integer getWidth() {
    return width;
  }

  public Integer getHeight() {
    return height;
  }

  public String getProblem() {
    return problem;
  }

  public long getIngestExecutionId() {
    return ingestExecutionId;
  }

  public Instant getIngestedAt() {
    return ingestedAt;
  }
}
