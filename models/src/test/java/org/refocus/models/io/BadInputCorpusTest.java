package org.refocus.models.io;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.awt.image.BufferedImage;
import java.awt.image.IndexColorModel;
import java.awt.image.Raster;
import java.awt.image.WritableRaster;
import java.nio.file.Files;
import java.nio.file.Path;
import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageWriter;
import javax.imageio.stream.ImageOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.refocus.models.image.PlanarImage;

/**
 * The awkward files archives hold, each with a defined outcome: a correct image, or an error naming
 * the file.
 */
class BadInputCorpusTest {

  private static final Path SAMPLES = Path.of("..", "samples");

  @TempDir Path dir;

  private final ImageDecoder decoder = new ImageDecoder();

  @Test
  void zeroByteFile() throws Exception {
    Path empty = Files.createFile(dir.resolve("empty.jpg"));

    assertThatThrownBy(() -> decoder.decode(empty))
        .isInstanceOf(ImageReadException.class)
        .hasMessageContaining("empty.jpg")
        .hasMessageContaining("empty file");
  }

  @Test
  void wrongExtensionDecodesByContent() throws Exception {
    Path misnamed = Files.copy(SAMPLES.resolve("chelsea.png"), dir.resolve("chelsea.tif"));

    DecodedImage image = decoder.decode(misnamed);

    assertThat(image.format()).isEqualTo(ImageFormat.PNG);
    assertThat(image.pixels()).isEqualTo(decoder.decode(SAMPLES.resolve("chelsea.png")).pixels());
  }

  @Test
  void headerDeclaring100000Squared() throws Exception {
    Path bomb = dir.resolve("bomb.png");
    Files.copy(SAMPLES.resolve("text.png"), bomb);
    byte[] bytes = Files.readAllBytes(bomb);
    // IHDR width and height at bytes 16..23; the probe refuses before checking the CRC
    java.nio.ByteBuffer.wrap(bytes, 16, 8).putInt(100_000).putInt(100_000);
    Files.write(bomb, bytes);

    assertThatThrownBy(() -> decoder.decode(bomb))
        .isInstanceOf(ImageReadException.class)
        .hasMessageContaining("bomb.png")
        .hasMessageContaining("100000x100000");
  }

  @Test
  void paletteWithTransparencyBecomesRgbWithAlpha() throws Exception {
    byte[] r = {(byte) 255, 0, 0};
    byte[] g = {0, (byte) 255, 0};
    byte[] b = {0, 0, (byte) 255};
    byte[] a = {(byte) 255, (byte) 128, 0};
    IndexColorModel palette = new IndexColorModel(2, 3, r, g, b, a);
    BufferedImage indexed = new BufferedImage(3, 1, BufferedImage.TYPE_BYTE_INDEXED, palette);
    indexed.getRaster().setSamples(0, 0, 3, 1, 0, new int[] {0, 1, 2});
    Path file = dir.resolve("palette.png");
    ImageIO.write(indexed, "png", file.toFile());

    PlanarImage image = decoder.decode(file).pixels();

    assertThat(image.colourChannels()).isEqualTo(3);
    assertThat(image.plane(0)).containsExactly(1f, 0f, 0f);
    assertThat(image.plane(2)).containsExactly(0f, 0f, 1f);
    assertThat(image.alpha()).containsExactly(1f, 128 / 255f, 0f);
  }

  @Test
  void cmykJpegBecomesRgb() throws Exception {
    // Four-component JPEG written from a raster: cyan, magenta, yellow, black patches.
    WritableRaster cmyk = Raster.createInterleavedRaster(0, 32, 8, 4, null);
    for (int patch = 0; patch < 4; patch++) {
      for (int y = 0; y < 8; y++) {
        for (int x = patch * 8; x < patch * 8 + 8; x++) {
          cmyk.setSample(x, y, patch, 255);
        }
      }
    }
    Path file = dir.resolve("cmyk.jpg");
    ImageWriter writer = ImageIO.getImageWritersByFormatName("jpeg").next();
    try (ImageOutputStream out = ImageIO.createImageOutputStream(file.toFile())) {
      writer.setOutput(out);
      writer.write(new IIOImage(cmyk, null, null));
    } finally {
      writer.dispose();
    }

    // An Adobe APP14 segment with transform 0 is what marks four components as CMYK.
    byte[] plain = Files.readAllBytes(file);
    byte[] adobe = {
      (byte) 0xFF, (byte) 0xEE, 0, 14, 'A', 'd', 'o', 'b', 'e', 0, 100, 0, 0, 0, 0, 0
    };
    byte[] marked = new byte[plain.length + adobe.length];
    System.arraycopy(plain, 0, marked, 0, 2);
    System.arraycopy(adobe, 0, marked, 2, adobe.length);
    System.arraycopy(plain, 2, marked, 2 + adobe.length, plain.length - 2);
    Files.write(file, marked);

    DecodedImage image = decoder.decode(file);

    assertThat(image.format()).isEqualTo(ImageFormat.JPEG);
    assertThat(image.pixels().colourChannels()).isEqualTo(3);
    assertThat(image.pixels().hasAlpha()).isFalse();
    assertThat(image.metadata().iccProfile()).isNull();
  }

  @Test
  void sixteenBitPngKeepsItsDepth() throws Exception {
    BufferedImage deep = new BufferedImage(4, 4, BufferedImage.TYPE_USHORT_GRAY);
    deep.getRaster().setSample(1, 2, 0, 40_000);
    Path file = dir.resolve("deep.png");
    ImageIO.write(deep, "png", file.toFile());

    DecodedImage image = decoder.decode(file);

    assertThat(image.bitDepth()).isEqualTo(16);
    assertThat(image.pixels().sample(0, 1, 2)).isEqualTo(40_000 / 65535f);
  }

  @Test
  void exifRotatedJpegIsTurnedUpright() throws Exception {
    PlanarImage stored = TestImages.gradient(16, 8);
    Path file = dir.resolve("portrait.jpg");
    new ImageEncoder()
        .write(
            new DecodedImage(
                stored,
                ImageFormat.JPEG,
                8,
                new ImageMetadata(null, TestImages.exif(8, "Cam"), null),
                1),
            file,
            EncodeOptions.forFile(file));

    DecodedImage image = decoder.decode(file);

    assertThat(image.storedOrientation()).isEqualTo(8);
    assertThat(image.pixels().width()).isEqualTo(8);
    assertThat(image.pixels().height()).isEqualTo(16);
    assertThat(ExifOrientation.read(image.metadata().exif())).isEqualTo(1);
  }

  @Test
  void grayscaleTiff() throws Exception {
    BufferedImage gray = new BufferedImage(6, 5, BufferedImage.TYPE_BYTE_GRAY);
    gray.getRaster().setSample(2, 3, 0, 200);
    Path file = dir.resolve("gray.tif");
    ImageIO.write(gray, "tiff", file.toFile());

    DecodedImage image = decoder.decode(file);

    assertThat(image.format()).isEqualTo(ImageFormat.TIFF);
    assertThat(image.pixels().colourChannels()).isEqualTo(1);
    assertThat(image.pixels().sample(0, 2, 3)).isEqualTo(200 / 255f);
  }
}
