package org.refocus.models.io;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.SecureRandom;
import java.util.Iterator;
import javax.imageio.IIOImage;
import javax.imageio.ImageTypeSpecifier;
import javax.imageio.ImageWriteParam;
import javax.imageio.ImageWriter;
import javax.imageio.metadata.IIOMetadata;
import javax.imageio.spi.IIORegistry;
import javax.imageio.spi.ImageWriterSpi;
import javax.imageio.stream.MemoryCacheImageOutputStream;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;

/**
 * Writes PNG, JPEG and TIFF with the source's metadata (ICC profile, EXIF, XMP) carried over.
 * 16-bit stays 16-bit in PNG and TIFF; alpha is kept, and a request to write alpha to JPEG is
 * refused rather than silently flattened. Files appear atomically: written beside the target and
 * renamed into place, so a reader never sees half an image.
 */
public final class ImageEncoder {

  private static final String JPEG_METADATA = "javax_imageio_jpeg_image_1.0";
  private static final SecureRandom RANDOM = new SecureRandom();

  public void write(DecodedImage image, Path target, EncodeOptions options)
      throws ImageWriteException {
    byte[] bytes = encode(image, target, options);
    Path dir = target.toAbsolutePath().getParent();
    try {
      Files.createDirectories(dir);
      Path temp = createPart(dir, target);
      try {
        Files.write(temp, bytes);
        Files.move(
            temp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
      } finally {
        Files.deleteIfExists(temp);
      }
    } catch (IOException e) {
      throw new ImageWriteException(target, "cannot write (" + e.getMessage() + ")", e);
    }
  }

  /**
   * An empty file beside the target, created with the process's default permissions (its umask):
   * {@link Files#createTempFile} would make it, and after the rename the published image, readable
   * by its owner only.
   */
  private static Path createPart(Path dir, Path target) throws IOException {
    while (true) {
      Path part =
          dir.resolve(
              "."
                  + target.getFileName()
                  + "."
                  + Long.toUnsignedString(RANDOM.nextLong(), 36)
                  + ".part");
      try {
        return Files.createFile(part);
      } catch (FileAlreadyExistsException taken) {
        // another writer drew the same name: draw again
      }
    }
  }

  /** The encoded file's bytes; {@code target} only names the file in errors. */
  public byte[] encode(DecodedImage image, Path target, EncodeOptions options)
      throws ImageWriteException {
    ImageFormat format = options.format();
    if (format == ImageFormat.JPEG && image.pixels().hasAlpha()) {
      throw new ImageWriteException(
          target, "JPEG cannot hold the image's alpha channel: write PNG or TIFF instead");
    }
    int depth =
        format == ImageFormat.JPEG
            ? 8
            : options.bitDepth() == 0 ? image.bitDepth() : options.bitDepth();
    BufferedImage buffered = Rasters.toBuffered(image.pixels(), depth, true);
    try {
      return switch (format) {
        case PNG -> PngChunks.insert(encodeWith("png", buffered, null, null), image.metadata());
        case JPEG -> JpegSegments.insert(jpeg(buffered, options.jpegQuality()), image.metadata());
        case TIFF -> TiffEncoding.encode(jdkWriter("tiff"), buffered, image.metadata());
        case BMP, GIF -> throw new IllegalStateException("not writable: " + format);
      };
    } catch (IOException | RuntimeException e) {
      throw new ImageWriteException(target, "cannot encode " + format.id() + " (" + e + ")", e);
    }
  }

  private static byte[] jpeg(BufferedImage image, float quality) throws IOException {
    ImageWriter writer = jdkWriter("jpeg");
    ImageWriteParam param = writer.getDefaultWriteParam();
    param.setCompressionMode(ImageWriteParam.MODE_EXPLICIT);
    param.setCompressionQuality(quality);
    IIOMetadata metadata =
        writer.getDefaultImageMetadata(ImageTypeSpecifier.createFromRenderedImage(image), param);
    fullChromaResolution(metadata);
    return encodeWith(writer, image, param, metadata);
  }

  /** 4:4:4: archival copies keep full colour resolution rather than JPEG's default 4:2:0. */
  private static void fullChromaResolution(IIOMetadata metadata) throws IOException {
    Node tree = metadata.getAsTree(JPEG_METADATA);
    NodeList components = ((org.w3c.dom.Element) tree).getElementsByTagName("componentSpec");
    for (int i = 0; i < components.getLength(); i++) {
      org.w3c.dom.Element component = (org.w3c.dom.Element) components.item(i);
      component.setAttribute("HsamplingFactor", "1");
      component.setAttribute("VsamplingFactor", "1");
    }
    metadata.setFromTree(JPEG_METADATA, tree);
  }

  private static byte[] encodeWith(
      String format, BufferedImage image, ImageWriteParam param, IIOMetadata metadata)
      throws IOException {
    return encodeWith(jdkWriter(format), image, param, metadata);
  }

  static byte[] encodeWith(
      ImageWriter writer, BufferedImage image, ImageWriteParam param, IIOMetadata metadata)
      throws IOException {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (MemoryCacheImageOutputStream out = new MemoryCacheImageOutputStream(bytes)) {
      writer.setOutput(out);
      writer.write(null, new IIOImage(image, null, metadata), param);
    } finally {
      writer.dispose();
    }
    return bytes.toByteArray();
  }

  /** The JDK's own encoder for the format: the same bytes wherever Refocus runs. */
  static ImageWriter jdkWriter(String formatName) {
    Iterator<ImageWriterSpi> providers =
        IIORegistry.getDefaultInstance().getServiceProviders(ImageWriterSpi.class, true);
    while (providers.hasNext()) {
      ImageWriterSpi spi = providers.next();
      if (spi.getClass().getName().startsWith("com.sun.imageio.plugins." + formatName + ".")) {
        try {
          return spi.createWriterInstance();
        } catch (IOException e) {
          throw new IllegalStateException("the JDK's " + formatName + " encoder failed", e);
        }
      }
    }
    throw new IllegalStateException("the JDK's " + formatName + " encoder is missing");
  }
}
