package org.refocus.models.io;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.Iterator;
import javax.imageio.ImageReader;
import javax.imageio.ImageTypeSpecifier;
import javax.imageio.ImageWriteParam;
import javax.imageio.ImageWriter;
import javax.imageio.metadata.IIOMetadata;
import javax.imageio.plugins.tiff.TIFFDirectory;
import javax.imageio.plugins.tiff.TIFFField;
import javax.imageio.plugins.tiff.TIFFTag;
import javax.imageio.spi.IIORegistry;
import javax.imageio.spi.ImageReaderSpi;
import javax.imageio.stream.MemoryCacheImageInputStream;

/**
 * TIFF through the JDK's encoder, Deflate-compressed, with the ICC profile (tag 34675), XMP (tag
 * 700) and EXIF (the descriptive IFD0 tags and the EXIF and GPS sub-IFDs) carried over.
 */
final class TiffEncoding {

  private static final int TAG_ICC_PROFILE = 34675;
  private static final int TAG_XMP = 700;

  private TiffEncoding() {}

  static byte[] encode(ImageWriter writer, BufferedImage image, ImageMetadata metadata)
      throws IOException {
    ImageWriteParam param = writer.getDefaultWriteParam();
    param.setCompressionMode(ImageWriteParam.MODE_EXPLICIT);
    param.setCompressionType("Deflate");
    IIOMetadata defaults =
        writer.getDefaultImageMetadata(ImageTypeSpecifier.createFromRenderedImage(image), param);
    TIFFDirectory ifd = TIFFDirectory.createFromMetadata(defaults);
    if (metadata.exif() != null) {
      for (TIFFField field : exifFields(metadata.exif())) {
        if (TiffMetadata.DESCRIPTIVE_TAGS.contains(field.getTagNumber())) {
          ifd.addTIFFField(field);
        }
      }
    }
    if (metadata.iccProfile() != null) {
      ifd.addTIFFField(
          bytesField(
              "ICC Profile", TAG_ICC_PROFILE, TIFFTag.TIFF_UNDEFINED, metadata.iccProfile()));
    }
    if (metadata.xmp() != null) {
      ifd.addTIFFField(bytesField("XMP", TAG_XMP, TIFFTag.TIFF_BYTE, metadata.xmp()));
    }
    return ImageEncoder.encodeWith(writer, image, param, ifd.getAsMetadata());
  }

  /** IFD0 of an EXIF block (a TIFF structure without image data), read by the JDK's reader. */
  private static TIFFField[] exifFields(byte[] exif) throws IOException {
    ImageReader reader = jdkTiffReader();
    try (MemoryCacheImageInputStream in =
        new MemoryCacheImageInputStream(new ByteArrayInputStream(exif))) {
      reader.setInput(in, true, false);
      return TIFFDirectory.createFromMetadata(reader.getImageMetadata(0)).getTIFFFields();
    } finally {
      reader.dispose();
    }
  }

  private static TIFFField bytesField(String name, int number, int type, byte[] value) {
    TIFFTag tag = new TIFFTag(name, number, 1 << type);
    return new TIFFField(tag, type, value.length, value);
  }

  private static ImageReader jdkTiffReader() throws IOException {
    Iterator<ImageReaderSpi> providers =
        IIORegistry.getDefaultInstance().getServiceProviders(ImageReaderSpi.class, true);
    while (providers.hasNext()) {
      ImageReaderSpi spi = providers.next();
      if (spi.getClass().getName().startsWith("com.sun.imageio.plugins.tiff.")) {
        return spi.createReaderInstance();
      }
    }
    throw new IllegalStateException("the JDK's TIFF decoder is missing");
  }
}
