package org.refocus.models.io;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.zip.CRC32;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ImageProbeTest {

  private static final Path SAMPLES = Path.of("..", "samples");

  @TempDir Path dir;

  private final ImageProbe probe = new ImageProbe();

  @Test
  void readsDimensionsOfTheBundledSamples() throws Exception {
    assertThat(probe.probe(SAMPLES.resolve("camera.png")))
        .isEqualTo(new ImageFacts("png", 512, 512));
    assertThat(probe.probe(SAMPLES.resolve("clock_motion.png")))
        .isEqualTo(new ImageFacts("png", 400, 300)); // as `file` reports it
  }

  @Test
  void readsJpegAndTiffHeaders() throws Exception {
    BufferedImage image = new BufferedImage(37, 21, BufferedImage.TYPE_INT_RGB);
    Path jpeg = dir.resolve("small.jpg");
    Path tiff = dir.resolve("small.tif");
    ImageIO.write(image, "jpeg", jpeg.toFile());
    ImageIO.write(image, "tiff", tiff.toFile());

    assertThat(probe.probe(jpeg)).isEqualTo(new ImageFacts("jpeg", 37, 21));
    assertThat(probe.probe(tiff)).isEqualTo(new ImageFacts("tiff", 37, 21));
  }

  @Test
  void sniffsContentNotExtension() throws Exception {
    Path misnamed = dir.resolve("really-a-png.jpg");
    Files.copy(SAMPLES.resolve("coins.png"), misnamed);

    assertThat(probe.probe(misnamed).format()).isEqualTo("png");
  }

  @Test
  void refusesAnEmptyFileNamingIt() throws Exception {
    Path empty = Files.createFile(dir.resolve("empty.png"));

    assertThatThrownBy(() -> probe.probe(empty))
        .isInstanceOf(ImageReadException.class)
        .hasMessageContaining("empty.png")
        .hasMessageContaining("empty file");
  }

  @Test
  void refusesAFileThatIsNotAnImage() throws Exception {
    Path text = Files.writeString(dir.resolve("notes.png"), "just some notes");

    assertThatThrownBy(() -> probe.probe(text))
        .isInstanceOf(ImageReadException.class)
        .hasMessageContaining("notes.png")
        .hasMessageContaining("not an image");
  }

  @Test
  void refusesAFileTooShortForAnySignature() throws Exception {
    Path tiny = Files.write(dir.resolve("tiny.png"), new byte[] {1, 2, 3});

    assertThatThrownBy(() -> probe.probe(tiny))
        .isInstanceOf(ImageReadException.class)
        .hasMessageContaining("tiny.png")
        .hasMessageContaining("not an image");
  }

  @Test
  void refusesATruncatedHeader() throws Exception {
    byte[] png = Files.readAllBytes(SAMPLES.resolve("coins.png"));
    Path truncated = Files.write(dir.resolve("truncated.png"), Arrays.copyOf(png, 20));

    assertThatThrownBy(() -> probe.probe(truncated))
        .isInstanceOf(ImageReadException.class)
        .hasMessageContaining("truncated.png");
  }

  @Test
  void refusesADecompressionBombBeforeDecoding() throws Exception {
    Path bomb = Files.write(dir.resolve("bomb.png"), pngHeaderDeclaring(100_000, 100_000));

    assertThatThrownBy(() -> probe.probe(bomb))
        .isInstanceOf(ImageReadException.class)
        .hasMessageContaining("bomb.png")
        .hasMessageContaining("100000x100000");
  }

  @Test
  void pixelLimitIsConfigurable() throws Exception {
    ImageProbe strict = new ImageProbe(512L * 512 - 1);

    assertThatThrownBy(() -> strict.probe(SAMPLES.resolve("camera.png")))
        .hasMessageContaining("over the limit of 262143");
  }

  /** A PNG signature and a valid IHDR chunk for an 8-bit RGB image of the given size. */
  private static byte[] pngHeaderDeclaring(int width, int height) throws IOException {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    DataOutputStream out = new DataOutputStream(bytes);
    out.write(new byte[] {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n'});
    ByteArrayOutputStream chunk = new ByteArrayOutputStream();
    DataOutputStream data = new DataOutputStream(chunk);
    data.write("IHDR".getBytes(StandardCharsets.US_ASCII));
    data.writeInt(width);
    data.writeInt(height);
    data.write(new byte[] {8, 2, 0, 0, 0});
    byte[] typeAndData = chunk.toByteArray();
    CRC32 crc = new CRC32();
    crc.update(typeAndData);
    out.writeInt(typeAndData.length - 4);
    out.write(typeAndData);
    out.writeInt((int) crc.getValue());
    return bytes.toByteArray();
  }
}
