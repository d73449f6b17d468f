package org.refocus.models.io;

import java.nio.file.Path;

/**
 * How an image is written.
 *
 * @param format PNG, JPEG or TIFF
 * @param bitDepth 8 or 16 bits per sample, or 0 for the source's (JPEG is always 8)
 * @param jpegQuality 0..1, for JPEG only; archival default 0.95
 */
public record EncodeOptions(ImageFormat format, int bitDepth, float jpegQuality) {

  public static final float DEFAULT_JPEG_QUALITY = 0.95f;

  public EncodeOptions {
    if (!format.writable()) {
      throw new IllegalArgumentException(
          format.id() + " is read, not written: use png, jpeg or tiff");
    }
    if (bitDepth != 0 && bitDepth != 8 && bitDepth != 16) {
      throw new IllegalArgumentException("bit depth 8 or 16 (0: the source's), not " + bitDepth);
    }
    if (!(jpegQuality > 0 && jpegQuality <= 1)) {
      throw new IllegalArgumentException("JPEG quality is in (0, 1], not " + jpegQuality);
    }
  }

  /** The format the file name asks for, the source's bit depth, JPEG quality 0.95. */
  public static EncodeOptions forFile(Path file) {
    return new EncodeOptions(
        ImageFormat.fromExtension(file.getFileName().toString()), 0, DEFAULT_JPEG_QUALITY);
  }

  public EncodeOptions withJpegQuality(float quality) {
    return new EncodeOptions(format, bitDepth, quality);
  }

  public EncodeOptions withBitDepth(int depth) {
    return new EncodeOptions(format, depth, jpegQuality);
  }
}
