package org.refocus.domain.model.image;

import java.io.Serializable;
import java.util.Objects;

/**
 * What ingest measured of one file. {@code problem} is null for a readable image; for an unreadable
 * one it names what is wrong and format and dimensions are null.
 */
public record IngestedImage(
    String relativePath,
    long sizeBytes,
    String sha256,
    String format,
    Integer width,
    Integer height,
    String problem)
    implements Serializable {

  public IngestedImage {
    Objects.requireNonNull(relativePath, "relativePath");
    Objects.requireNonNull(sha256, "sha256");
  }

  public static IngestedImage readable(
      String relativePath, long sizeBytes, String sha256, String format, int width, int height) {
    return new IngestedImage(relativePath, sizeBytes, sha256, format, width, height, null);
  }

  public static IngestedImage unreadable(
      String relativePath, long sizeBytes, String sha256, String problem) {
    return new IngestedImage(
        relativePath, sizeBytes, sha256, null, null, null, Objects.requireNonNull(problem));
  }
}
