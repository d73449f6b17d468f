package org.refocus.models.jpeg;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.refocus.models.image.PlanarImage;
import org.refocus.models.io.DecodedImage;
import org.refocus.models.io.EncodeOptions;
import org.refocus.models.io.ImageDecoder;
import org.refocus.models.io.ImageEncoder;
import org.refocus.models.io.ImageFormat;
import org.refocus.models.io.ImageMetadata;

/** JPEG round trips through our encoder, keeping the luma table the file actually holds. */
final class JpegFiles {

  /** T.81 Figure A.6: the natural-order index of each zig-zag position. */
  private static final int[] ZIGZAG_TO_NATURAL = {
    0, 1, 8, 16, 9, 2, 3, 10, 17, 24, 32, 25, 18, 11, 4, 5, 12, 19, 26, 33, 40, 48, 41, 34, 27, 20,
    13, 6, 7, 14, 21, 28, 35, 42, 49, 56, 57, 50, 43, 36, 29, 22, 15, 23, 30, 37, 44, 51, 58, 59,
    52, 45, 38, 31, 39, 46, 53, 60, 61, 54, 47, 55, 62, 63
  };

  record Compressed(PlanarImage pixels, int[] lumaTable) {}

  private JpegFiles() {}

  static Compressed compress(PlanarImage image, float quality) throws Exception {
    Path file = Files.createTempFile("refocus-jpeg", ".jpg");
    try {
      new ImageEncoder()
          .write(
              new DecodedImage(image, ImageFormat.JPEG, 8, ImageMetadata.NONE, 1),
              file,
              EncodeOptions.forFile(file).withJpegQuality(quality));
      return new Compressed(
          new ImageDecoder().decode(file).pixels(), firstTable(Files.readAllBytes(file)));
    } finally {
      Files.deleteIfExists(file);
    }
  }

  /** The first 8-bit table of the first DQT segment (table 0: luma), in natural order. */
  static int[] firstTable(byte[] jpeg) throws IOException {
    for (int i = 2; i + 4 < jpeg.length; ) {
      if ((jpeg[i] & 0xFF) != 0xFF) {
        throw new IOException("not at a marker at byte " + i);
      }
      int marker = jpeg[i + 1] & 0xFF;
      int length = ((jpeg[i + 2] & 0xFF) << 8) | (jpeg[i + 3] & 0xFF);
      if (marker == 0xDB) {
        int precisionAndId = jpeg[i + 4] & 0xFF;
        if (precisionAndId >> 4 != 0) {
          throw new IOException("16-bit quantisation table");
        }
        int[] natural = new int[64];
        for (int z = 0; z < 64; z++) {
          natural[ZIGZAG_TO_NATURAL[z]] = jpeg[i + 5 + z] & 0xFF;
        }
        return natural;
      }
      i += 2 + length;
    }
    throw new IOException("no DQT segment");
  }
}
