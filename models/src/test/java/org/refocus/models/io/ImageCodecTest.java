package org.refocus.models.io;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.awt.color.ColorSpace;
import java.awt.color.ICC_Profile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.refocus.models.image.Orientation;
import org.refocus.models.image.PlanarImage;
import org.refocus.models.quality.QualityMetrics;

/** Decoding and encoding round trips: pixels, bit depth, alpha, orientation and metadata. */
class ImageCodecTest {

  private static final Path SAMPLES = Path.of("..", "samples");
  private static final byte[] RGB_PROFILE =
      ICC_Profile.getInstance(ColorSpace.CS_LINEAR_RGB).getData();

  @TempDir Path dir;

  private final ImageDecoder decoder = new ImageDecoder();
  private final ImageEncoder encoder = new ImageEncoder();

  @Test
  void decodesTheBundledGrayAndRgbSamples() throws Exception {
    DecodedImage camera = decoder.decode(SAMPLES.resolve("camera.png"));
    DecodedImage chelsea = decoder.decode(SAMPLES.resolve("chelsea.png"));

    assertThat(camera.pixels().colourChannels()).isEqualTo(1);
    assertThat(camera.pixels().width()).isEqualTo(512);
    assertThat(camera.bitDepth()).isEqualTo(8);
    assertThat(chelsea.pixels().colourChannels()).isEqualTo(3);
    assertThat(chelsea.pixels())
        .extracting(PlanarImage::width, PlanarImage::height)
        .containsExactly(451, 300);
  }

  @Test
  void pngRoundTripsAreLosslessAt8And16Bits() throws Exception {
    PlanarImage eight = TestImages.rgb8(23, 17, 1);
    PlanarImage sixteen = sixteenBitRamp(19, 7);

    DecodedImage back8 = roundTrip(decoded(eight, 8, ImageMetadata.NONE), "a.png");
    DecodedImage back16 = roundTrip(decoded(sixteen, 16, ImageMetadata.NONE), "b.png");

    assertThat(back8.pixels()).isEqualTo(eight);
    assertThat(back8.bitDepth()).isEqualTo(8);
    assertThat(back16.bitDepth()).isEqualTo(16);
    assertThat(back16.pixels()).isEqualTo(sixteen);
  }

  @Test
  void tiffKeeps16BitsAlphaAndGray() throws Exception {
    PlanarImage sixteen = TestImages.withAlpha(sixteenBitRamp(19, 7), 3);
    PlanarImage gray = PlanarImage.gray(5, 4, TestImages.rgb8(5, 4, 9).plane(1));

    DecodedImage back16 = roundTrip(decoded(sixteen, 16, ImageMetadata.NONE), "a.tif");
    DecodedImage backGray = roundTrip(decoded(gray, 8, ImageMetadata.NONE), "g.tiff");

    assertThat(back16.format()).isEqualTo(ImageFormat.TIFF);
    assertThat(back16.bitDepth()).isEqualTo(16);
    assertThat(back16.pixels().colourChannels()).isEqualTo(3);
    assertThat(back16.pixels().alpha()).isEqualTo(quantised(sixteen.alpha(), 8));
    assertThat(backGray.pixels()).isEqualTo(gray);
  }

  @Test
  void alphaSurvivesPngExactly() throws Exception {
    PlanarImage translucent = TestImages.withAlpha(TestImages.rgb8(11, 13, 4), 5);

    DecodedImage back = roundTrip(decoded(translucent, 8, ImageMetadata.NONE), "alpha.png");

    assertThat(back.pixels()).isEqualTo(translucent);
  }

  @Test
  void jpegRefusesAlphaInsteadOfFlatteningIt() {
    PlanarImage translucent = TestImages.withAlpha(TestImages.rgb8(8, 8, 4), 5);
    Path target = dir.resolve("flat.jpg");

    assertThatThrownBy(
            () ->
                encoder.write(
                    decoded(translucent, 8, ImageMetadata.NONE),
                    target,
                    EncodeOptions.forFile(target)))
        .isInstanceOf(ImageWriteException.class)
        .hasMessageContaining("flat.jpg")
        .hasMessageContaining("alpha");
    assertThat(target).doesNotExist();
  }

  @Test
  void jpegAtQuality95StaysCloseToTheSource() throws Exception {
    PlanarImage smooth = TestImages.gradient(64, 48);

    DecodedImage back = roundTrip(decoded(smooth, 8, ImageMetadata.NONE), "q95.jpg");

    assertThat(back.format()).isEqualTo(ImageFormat.JPEG);
    assertThat(QualityMetrics.psnr(smooth, back.pixels(), 0)).isGreaterThan(45);
  }

  @Test
  void metadataTravelsBetweenEveryWrittenFormat() throws Exception {
    ImageMetadata metadata =
        new ImageMetadata(RGB_PROFILE, TestImages.exif(1, "Refocus"), TestImages.xmp("Plate 7"));
    DecodedImage source = decoded(TestImages.gradient(40, 30), 8, metadata);

    for (String from : new String[] {"m.jpg", "m.png", "m.tif"}) {
      DecodedImage first = roundTrip(source, "first-" + from);
      for (String to : new String[] {"n.jpg", "n.png", "n.tif"}) {
        DecodedImage second = roundTrip(first, from + "-" + to);
        ImageMetadata carried = second.metadata();
        assertThat(carried.iccProfile()).as(from + " → " + to).isEqualTo(RGB_PROFILE);
        assertThat(carried.xmpText()).as(from + " → " + to).contains("Plate 7");
        assertThat(carried.exif()).as(from + " → " + to).isNotNull();
        assertThat(ExifOrientation.read(carried.exif())).isEqualTo(1);
        assertThat(new String(carried.exif(), java.nio.charset.StandardCharsets.ISO_8859_1))
            .as(from + " → " + to)
            .contains("Refocus");
      }
    }
  }

  @Test
  void exifOrientationIsAppliedToPixelsAndResetInTheMetadata() throws Exception {
    PlanarImage stored = TestImages.rgb8(6, 4, 11);
    Path file = dir.resolve("rotated.png");
    encoder.write(
        decoded(stored, 8, new ImageMetadata(null, TestImages.exif(6, "Cam"), null)),
        file,
        EncodeOptions.forFile(file));

    DecodedImage upright = decoder.decode(file);

    assertThat(upright.storedOrientation()).isEqualTo(6);
    assertThat(upright.pixels().width()).isEqualTo(4);
    assertThat(upright.pixels().height()).isEqualTo(6);
    assertThat(upright.pixels()).isEqualTo(Orientation.upright(stored, 6));
    // orientation 6: the stored top-left pixel is shown at the top right
    assertThat(upright.pixels().sample(0, 3, 0)).isEqualTo(stored.sample(0, 0, 0));
    assertThat(ExifOrientation.read(upright.metadata().exif())).isEqualTo(1);
  }

  @Test
  void writtenImagesGetTheUmasksPermissionsNotOwnerOnly() throws Exception {
    Assumptions.assumeTrue(
        dir.getFileSystem().supportedFileAttributeViews().contains("posix"),
        "file permissions are POSIX permissions here");
    Path plain = Files.createFile(dir.resolve("plain"));
    Path written = dir.resolve("written.png");

    encoder.write(
        decoded(TestImages.rgb8(5, 4, 2), 8, ImageMetadata.NONE),
        written,
        EncodeOptions.forFile(written));

    assertThat(Files.getPosixFilePermissions(written))
        .isEqualTo(Files.getPosixFilePermissions(plain));
    try (var left = Files.list(dir)) {
      assertThat(left.map(p -> p.getFileName().toString()))
          .containsExactlyInAnyOrder("plain", "written.png");
    }
  }

  @Test
  void sameImageAndOptionsGiveIdenticalBytes() throws Exception {
    DecodedImage image =
        decoded(TestImages.gradient(30, 20), 8, new ImageMetadata(RGB_PROFILE, null, null));
    for (String name : new String[] {"d.png", "d.jpg", "d.tif"}) {
      Path target = dir.resolve(name);
      byte[] once = encoder.encode(image, target, EncodeOptions.forFile(target));
      byte[] twice = encoder.encode(image, target, EncodeOptions.forFile(target));
      assertThat(once).as(name).isEqualTo(twice);
    }
  }

  @Test
  void truncatedPngIsAnErrorNamingTheFile() throws Exception {
    byte[] png = Files.readAllBytes(SAMPLES.resolve("coins.png"));
    Path torn = Files.write(dir.resolve("torn.png"), Arrays.copyOf(png, png.length / 2));

    assertThatThrownBy(() -> decoder.decode(torn))
        .isInstanceOf(ImageReadException.class)
        .hasMessageContaining("torn.png");
  }

  @Test
  void truncatedJpegIsAnErrorNamingTheFile() throws Exception {
    Path whole = dir.resolve("whole.jpg");
    encoder.write(
        decoded(TestImages.rgb8(64, 64, 2), 8, ImageMetadata.NONE),
        whole,
        EncodeOptions.forFile(whole));
    byte[] jpeg = Files.readAllBytes(whole);
    Path torn = Files.write(dir.resolve("torn.jpg"), Arrays.copyOf(jpeg, jpeg.length * 2 / 3));

    assertThatThrownBy(() -> decoder.decode(torn))
        .isInstanceOf(ImageReadException.class)
        .hasMessageContaining("torn.jpg");
  }

  private DecodedImage roundTrip(DecodedImage image, String name) throws Exception {
    Path file = dir.resolve(name);
    encoder.write(image, file, EncodeOptions.forFile(file));
    return decoder.decode(file);
  }

  private static DecodedImage decoded(PlanarImage pixels, int depth, ImageMetadata metadata) {
    return new DecodedImage(pixels, ImageFormat.PNG, depth, metadata, 1);
  }

  private static PlanarImage sixteenBitRamp(int w, int h) {
    float[][] planes = new float[3][w * h];
    for (int i = 0; i < w * h; i++) {
      planes[0][i] = (i * 997 % 65536) / 65535f;
      planes[1][i] = (i * 7919 % 65536) / 65535f;
      planes[2][i] = (65535 - i * 31 % 65536) / 65535f;
    }
    return PlanarImage.rgb(w, h, planes[0], planes[1], planes[2]);
  }

  private static float[] quantised(float[] plane, int bits) {
    float[] out = new float[plane.length];
    int max = (1 << bits) - 1;
    for (int i = 0; i < plane.length; i++) {
      out[i] = Math.round(plane[i] * max) / (float) max;
    }
    return out;
  }
}
