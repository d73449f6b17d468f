package org.refocus.models.io;

import com.twelvemonkeys.imageio.plugins.jpeg.JPEGImageReaderSpi;
import com.twelvemonkeys.imageio.plugins.tiff.TIFFImageReaderSpi;
import java.io.IOException;
import java.util.Iterator;
import java.util.List;
import java.util.Optional;
import javax.imageio.ImageReader;
import javax.imageio.spi.IIORegistry;
import javax.imageio.spi.ImageReaderSpi;
import javax.imageio.spi.ServiceRegistry;
import javax.imageio.stream.ImageInputStream;

/**
 * The decoders Refocus uses, chosen explicitly: TwelveMonkeys for JPEG (CMYK, YCCK, broken markers)
 * and TIFF (16-bit, every compression), the JDK's own for PNG, BMP and GIF. Never whatever
 * ImageIO's JVM-wide registry happens to hold, so the same file decodes to the same pixels in the
 * CLI, in tests and inside the application server.
 */
final class ImageFormats {

  private record Decoder(ImageFormat format, ImageReaderSpi spi) {}

  private static final List<Decoder> DECODERS =
      List.of(
          new Decoder(ImageFormat.PNG, jdkReader("png")),
          new Decoder(ImageFormat.JPEG, withJdkDelegate(new JPEGImageReaderSpi(), "jpeg")),
          new Decoder(ImageFormat.TIFF, new TIFFImageReaderSpi()),
          new Decoder(ImageFormat.BMP, jdkReader("bmp")),
          new Decoder(ImageFormat.GIF, jdkReader("gif")));

  private ImageFormats() {}

  /** A reader for the stream's content (not its name), positioned at the start, or empty. */
  static Optional<FormatReader> readerFor(ImageInputStream in) throws IOException {
    for (Decoder decoder : DECODERS) {
      if (recognises(decoder.spi(), in)) {
        ImageReader reader = decoder.spi().createReaderInstance();
        reader.setInput(in, true, true);
        return Optional.of(new FormatReader(decoder.format(), reader));
      }
    }
    return Optional.empty();
  }

  /** A file too short for a decoder's signature check is simply not in its format. */
  private static boolean recognises(ImageReaderSpi spi, ImageInputStream in) throws IOException {
    in.seek(0);
    try {
      return spi.canDecodeInput(in);
    } catch (java.io.EOFException e) {
      return false;
    } finally {
      in.seek(0);
    }
  }

  /** A reader and the format it decodes. */
  record FormatReader(ImageFormat format, ImageReader reader) {}

  /**
   * TwelveMonkeys' JPEG reader delegates parts of decoding to the JDK's, which it finds when it is
   * registered; a private registry holding both gives it the delegate without touching ImageIO's
   * global one.
   */
  private static ImageReaderSpi withJdkDelegate(ImageReaderSpi spi, String formatName) {
    ServiceRegistry registry =
        new ServiceRegistry(List.<Class<?>>of(ImageReaderSpi.class).iterator());
    registry.registerServiceProvider(jdkReader(formatName), ImageReaderSpi.class);
    registry.registerServiceProvider(spi, ImageReaderSpi.class);
    if (!registry.contains(spi)) {
      throw new IllegalStateException(spi.getDescription(null) + " found no JDK delegate");
    }
    return spi;
  }

  private static ImageReaderSpi jdkReader(String formatName) {
    Iterator<ImageReaderSpi> providers =
        IIORegistry.getDefaultInstance().getServiceProviders(ImageReaderSpi.class, true);
    while (providers.hasNext()) {
      ImageReaderSpi spi = providers.next();
      if (spi.getClass().getName().startsWith("com.sun.imageio.plugins." + formatName + ".")) {
        return spi;
      }
    }
    throw new IllegalStateException("the JDK's " + formatName + " decoder is missing");
  }
}
