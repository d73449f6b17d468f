package org.refocus.models.io;

import java.util.Objects;
import org.refocus.models.image.PlanarImage;

/**
 * An image file as Refocus reads it: upright pixels (EXIF orientation applied), the bits per sample
 * of the source (8 or 16) and the metadata to carry to the output.
 *
 * @param storedOrientation the EXIF orientation the file had (1 = upright); the pixels are already
 *     turned and the metadata's EXIF says upright
 */
public record DecodedImage(
    PlanarImage pixels,
    ImageFormat format,
    int bitDepth,
    ImageMetadata metadata,
    int storedOrientation) {

  public DecodedImage {
    Objects.requireNonNull(pixels, "pixels");
    Objects.requireNonNull(format, "format");
    Objects.requireNonNull(metadata, "metadata");
    if (bitDepth != 8 && bitDepth != 16) {
      throw new IllegalArgumentException("bit depth 8 or 16, not " + bitDepth);
    }
  }

  /** The same file description with other pixels, as a restoration step produces them. */
  public DecodedImage withPixels(PlanarImage restored) {
    return new DecodedImage(restored, format, bitDepth, metadata, storedOrientation);
  }
}
