package org.refocus.models.io;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import javax.imageio.ImageReader;
import javax.imageio.event.IIOReadWarningListener;
import javax.imageio.stream.ImageInputStream;
import javax.imageio.stream.MemoryCacheImageInputStream;
import org.refocus.models.image.Orientation;
import org.refocus.models.image.PlanarImage;

/**
 * Reads an image file into upright pixels plus the metadata to carry. PNG, JPEG (including CMYK and
 * YCCK), TIFF, BMP and GIF; 8 and 16 bits; gray, RGB, palette, with or without alpha. Every failure
 * is an {@link ImageReadException} naming the file and the problem; a file declaring more pixels
 * than the limit is refused before its pixels are decoded.
 */
public final class ImageDecoder {

  private final ImageProbe probe;

  public ImageDecoder() {
    this(new ImageProbe());
  }

  public ImageDecoder(ImageProbe probe) {
    this.probe = probe;
  }

  public DecodedImage decode(Path file) throws ImageReadException {
    probe.probe(file); // size, format and pixel limit, before anything is allocated
    byte[] bytes;
    try {
      bytes = Files.readAllBytes(file);
    } catch (IOException e) {
      throw new ImageReadException(file, "cannot read (" + e.getMessage() + ")", e);
    }
    try (ImageInputStream in =
        new MemoryCacheImageInputStream(new java.io.ByteArrayInputStream(bytes))) {
      ImageFormats.FormatReader found =
          ImageFormats.readerFor(in)
              .orElseThrow(
                  () -> new ImageReadException(file, "not an image in a supported format"));
      ImageReader reader = found.reader();
      List<String> damage = new ArrayList<>();
      reader.addIIOReadWarningListener(damageListener(damage));
      BufferedImage decoded;
      try {
        decoded = reader.read(0);
      } finally {
        reader.dispose();
      }
      if (!damage.isEmpty()) {
        throw new ImageReadException(
            file, "damaged image data (" + String.join("; ", damage) + ")");
      }
      return assemble(found.format(), decoded, bytes);
    } catch (ImageReadException e) {
      throw e;
    } catch (IOException | RuntimeException e) {
      throw new ImageReadException(file, "cannot decode (" + e + ")", e);
    }
  }

  private static DecodedImage assemble(ImageFormat format, BufferedImage decoded, byte[] bytes)
      throws IOException {
    int bitDepth = Rasters.bitDepth(decoded);
    if (Rasters.needsConversionToSrgb(decoded)) {
      bitDepth = 8; // converted through Java2D's 8-bit path
    }
    PlanarImage stored = Rasters.toPlanar(decoded);
    ImageMetadata metadata =
        switch (format) {
          case PNG -> PngChunks.read(bytes);
          case JPEG -> JpegSegments.read(bytes);
          case TIFF -> TiffMetadata.read(bytes);
          case BMP, GIF -> ImageMetadata.NONE;
        };
    if (!IccProfiles.describes(metadata.iccProfile(), stored.colourChannels())) {
      // e.g. the CMYK profile of a JPEG whose pixels were converted to RGB while decoding
      metadata = metadata.withoutIccProfile();
    }
    int orientation = metadata.exif() == null ? 1 : ExifOrientation.read(metadata.exif());
    if (orientation != ExifOrientation.UPRIGHT) {
      metadata = metadata.withExif(ExifOrientation.upright(metadata.exif()));
    }
    return new DecodedImage(
        Orientation.upright(stored, orientation), format, bitDepth, metadata, orientation);
  }

  /** Warnings that mean pixels are missing, which decoders otherwise paint gray and go on. */
  private static IIOReadWarningListener damageListener(List<String> damage) {
    return (source, warning) -> {
      String lower = warning.toLowerCase(Locale.ROOT);
      if (lower.contains("premature")
          || lower.contains("truncat")
          || lower.contains("corrupt")
          || lower.contains("end of")) {
        damage.add(warning);
      }
    };
  }
}
