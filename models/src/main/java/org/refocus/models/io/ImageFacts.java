package org.refocus.models.io;

import java.util.Objects;

/**
 * What an image file declares about itself, read from its header without decoding the pixels.
 *
 * @param format the container format as the decoder names it, lower case ("png", "jpeg", "tiff")
 * @param width pixel columns
 * @param height pixel rows
 */
public record ImageFacts(String format, int width, int height) {

  public ImageFacts {
    Objects.requireNonNull(format, "format");
    if (width <= 0 || height <= 0) {
      throw new IllegalArgumentException("image size must be positive: " + width + "x" + height);
    }
  }

  public long pixelCount() {
    return (long) width * height;
  }
}
