package org.refocus.models.io;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.SplittableRandom;
import org.refocus.models.image.PlanarImage;

/** Small synthetic images and metadata blocks for the I/O tests. */
final class TestImages {

  private TestImages() {}

  /** An RGB image whose samples are exact 8-bit levels, so 8-bit round trips are lossless. */
  static PlanarImage rgb8(int w, int h, long seed) {
    SplittableRandom random = new SplittableRandom(seed);
    float[][] planes = new float[3][w * h];
    for (float[] plane : planes) {
      for (int i = 0; i < plane.length; i++) {
        plane[i] = random.nextInt(256) / 255f;
      }
    }
    return PlanarImage.rgb(w, h, planes[0], planes[1], planes[2]);
  }

  /** A smooth RGB gradient: what JPEG compresses well, for lossy round trips. */
  static PlanarImage gradient(int w, int h) {
    float[][] planes = new float[3][w * h];
    for (int y = 0; y < h; y++) {
      for (int x = 0; x < w; x++) {
        int i = y * w + x;
        planes[0][i] = x / (float) (w - 1);
        planes[1][i] = y / (float) (h - 1);
        planes[2][i] = 0.5f;
      }
    }
    return PlanarImage.rgb(w, h, planes[0], planes[1], planes[2]);
  }

  static PlanarImage withAlpha(PlanarImage image, long seed) {
    SplittableRandom random = new SplittableRandom(seed);
    float[] alpha = new float[image.pixelCount()];
    for (int i = 0; i < alpha.length; i++) {
      alpha[i] = random.nextInt(256) / 255f;
    }
    float[][] colour = new float[image.colourChannels()][];
    for (int c = 0; c < colour.length; c++) {
      colour[c] = image.plane(c).clone();
    }
    return PlanarImage.of(image.width(), image.height(), colour, alpha);
  }

  /** A big-endian EXIF block with Make and Orientation in IFD0. */
  static byte[] exif(int orientation, String make) {
    byte[] makeBytes = (make + "\0").getBytes(StandardCharsets.US_ASCII);
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    out.writeBytes(new byte[] {'M', 'M', 0, 42, 0, 0, 0, 8});
    int entries = 2;
    int dataOffset = 8 + 2 + entries * 12 + 4;
    writeShort(out, entries);
    // Make (0x010F), ASCII, stored after the IFD
    writeShort(out, 0x010F);
    writeShort(out, 2);
    writeInt(out, makeBytes.length);
    writeInt(out, dataOffset);
    // Orientation (0x0112), SHORT, value in place
    writeShort(out, 0x0112);
    writeShort(out, 3);
    writeInt(out, 1);
    writeShort(out, orientation);
    writeShort(out, 0);
    writeInt(out, 0); // no next IFD
    out.writeBytes(makeBytes);
    return out.toByteArray();
  }

  static byte[] xmp(String title) {
    return ("<?xpacket begin=\"\" id=\"W5M0MpCehiHzreSzNTczkc9d\"?>"
            + "<x:xmpmeta xmlns:x=\"adobe:ns:meta/\"><rdf:RDF xmlns:rdf=\"http://www.w3.org/1999/02/22-rdf-syntax-ns#\">"
            + "<rdf:Description xmlns:dc=\"urn:refocus:test:dc\" dc:title=\""
            + title
            + "\"/></rdf:RDF></x:xmpmeta><?xpacket end=\"w\"?>")
        .getBytes(StandardCharsets.UTF_8);
  }

  private static void writeShort(ByteArrayOutputStream out, int value) {
    out.write(value >> 8);
    out.write(value & 0xFF);
  }

  private static void writeInt(ByteArrayOutputStream out, int value) {
    writeShort(out, value >>> 16);
    writeShort(out, value & 0xFFFF);
  }
}
