package org.refocus.models.io;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.stream.ImageInputStream;

/**
 * Reads an image's format and pixel dimensions from its header, never the pixel data, so a
 * collection of large scans can be catalogued quickly and a decompression bomb is recognised before
 * anything is allocated for it.
 */
public final class ImageProbe {

  /** 200 megapixels: larger than any archival scan we expect, far below a decompression bomb. */
  public static final long DEFAULT_PIXEL_LIMIT = 200_000_000L;

  private final long pixelLimit;

  public ImageProbe() {
    this(DEFAULT_PIXEL_LIMIT);
  }

  public ImageProbe(long pixelLimit) {
    if (pixelLimit <= 0) {
      throw new IllegalArgumentException("pixel limit must be positive: " + pixelLimit);
    }
    this.pixelLimit = pixelLimit;
  }

  void checkLimit(Path file, ImageFacts facts) throws ImageReadException {
    if (facts.pixelCount() > pixelLimit) {
      throw new ImageReadException(
          file,
          String.format(
              Locale.ROOT,
              "declares %dx%d = %d pixels, over the limit of %d",
              facts.width(),
              facts.height(),
              facts.pixelCount(),
              pixelLimit));
    }
  }

  /**
   * Reads the header of {@code file}.
   *
   * @throws ImageReadException naming the file, when it is missing, empty, not an image in a format
   *     we read, has a damaged header, or declares more pixels than the limit
   */
  public ImageFacts probe(Path file) throws ImageReadException {
    if (!Files.isRegularFile(file)) {
      throw new ImageReadException(file, "not a regular file");
    }
    try {
      if (Files.size(file) == 0) {
        throw new ImageReadException(file, "empty file (0 bytes)");
      }
      try (ImageInputStream in = ImageIO.createImageInputStream(file.toFile())) {
        if (in == null) {
          throw new ImageReadException(file, "cannot open for reading");
        }
        ImageFormats.FormatReader found =
            ImageFormats.readerFor(in)
                .orElseThrow(
                    () -> new ImageReadException(file, "not an image in a supported format"));
        ImageReader reader = found.reader();
        try {
          ImageFacts facts =
              new ImageFacts(found.format().id(), reader.getWidth(0), reader.getHeight(0));
          checkLimit(file, facts);
          return facts;
        } finally {
          reader.dispose();
        }
      }
    } catch (IOException | RuntimeException e) {
      throw new ImageReadException(file, "unreadable image header (" + e + ")", e);
    }
  }
}
