package org.refocus.models.io;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * Reads and writes the JPEG application segments that hold metadata: APP1 EXIF, APP1 XMP and APP2
 * ICC profile (split over numbered chunks as the ICC specification's Annex B says).
 */
final class JpegSegments {

  private static final int SOI = 0xD8;
  private static final int SOS = 0xDA;
  private static final int EOI = 0xD9;
  private static final int APP0 = 0xE0;
  private static final int APP1 = 0xE1;
  private static final int APP2 = 0xE2;
  private static final byte[] EXIF_ID = "Exif\0\0".getBytes(StandardCharsets.ISO_8859_1);
  private static final byte[] XMP_ID =
      "http://ns.adobe.com/xap/1.0/\0".getBytes(StandardCharsets.ISO_8859_1);
  private static final byte[] ICC_ID = "ICC_PROFILE\0".getBytes(StandardCharsets.ISO_8859_1);
  private static final int MAX_SEGMENT_DATA = 65533;
  private static final int MAX_ICC_CHUNK = MAX_SEGMENT_DATA - ICC_ID.length - 2;

  private JpegSegments() {}

  /** The metadata in a JPEG file's header segments; absent parts are null. */
  static ImageMetadata read(byte[] jpeg) {
    if (jpeg.length < 4 || (jpeg[0] & 0xFF) != 0xFF || (jpeg[1] & 0xFF) != SOI) {
      return ImageMetadata.NONE;
    }
    byte[] exif = null;
    byte[] xmp = null;
    byte[][] iccChunks = null;
    int pos = 2;
    while (pos + 4 <= jpeg.length) {
      if ((jpeg[pos] & 0xFF) != 0xFF) {
        break;
      }
      int marker = jpeg[pos + 1] & 0xFF;
      if (marker == 0xFF) {
        pos++; // fill byte
        continue;
      }
      if (marker == SOS || marker == EOI) {
        break;
      }
      int length = ((jpeg[pos + 2] & 0xFF) << 8) | (jpeg[pos + 3] & 0xFF);
      int data = pos + 4;
      int end = pos + 2 + length;
      if (length < 2 || end > jpeg.length) {
        break;
      }
      if (marker == APP1 && startsWith(jpeg, data, end, EXIF_ID) && exif == null) {
        exif = Arrays.copyOfRange(jpeg, data + EXIF_ID.length, end);
      } else if (marker == APP1 && startsWith(jpeg, data, end, XMP_ID) && xmp == null) {
        xmp = Arrays.copyOfRange(jpeg, data + XMP_ID.length, end);
      } else if (marker == APP2 && startsWith(jpeg, data, end, ICC_ID)) {
        int sequence = jpeg[data + ICC_ID.length] & 0xFF;
        int count = jpeg[data + ICC_ID.length + 1] & 0xFF;
        if (iccChunks == null) {
          iccChunks = new byte[count][];
        }
        if (sequence >= 1 && sequence <= iccChunks.length) {
          iccChunks[sequence - 1] = Arrays.copyOfRange(jpeg, data + ICC_ID.length + 2, end);
        }
      }
      pos = end;
    }
    return new ImageMetadata(join(iccChunks), exif, xmp);
  }

  /**
   * Inserts the metadata's segments into an encoded JPEG right after SOI and any APP0 (JFIF),
   * replacing none: the encoder is expected to have written no EXIF, XMP or ICC of its own.
   */
  static byte[] insert(byte[] jpeg, ImageMetadata metadata) {
    if (metadata.isEmpty()) {
      return jpeg;
    }
    int at = 2;
    if ((jpeg[2] & 0xFF) == 0xFF && (jpeg[3] & 0xFF) == APP0) {
      at = 4 + (((jpeg[4] & 0xFF) << 8) | (jpeg[5] & 0xFF));
    }
    ByteArrayOutputStream out = new ByteArrayOutputStream(jpeg.length + 4096);
    out.write(jpeg, 0, at);
    if (metadata.exif() != null) {
      segment(out, APP1, EXIF_ID, metadata.exif(), 0, metadata.exif().length);
    }
    if (metadata.xmp() != null) {
      segment(out, APP1, XMP_ID, metadata.xmp(), 0, metadata.xmp().length);
    }
    byte[] icc = metadata.iccProfile();
    if (icc != null) {
      int count = (icc.length + MAX_ICC_CHUNK - 1) / MAX_ICC_CHUNK;
      for (int i = 0; i < count; i++) {
        int from = i * MAX_ICC_CHUNK;
        int to = Math.min(icc.length, from + MAX_ICC_CHUNK);
        byte[] header = Arrays.copyOf(ICC_ID, ICC_ID.length + 2);
        header[ICC_ID.length] = (byte) (i + 1);
        header[ICC_ID.length + 1] = (byte) count;
        segment(out, APP2, header, icc, from, to - from);
      }
    }
    out.write(jpeg, at, jpeg.length - at);
    return out.toByteArray();
  }

  private static void segment(
      ByteArrayOutputStream out, int marker, byte[] id, byte[] data, int offset, int length) {
    int size = 2 + id.length + length;
    if (size - 2 > MAX_SEGMENT_DATA) {
      throw new IllegalArgumentException(
          "metadata of " + length + " bytes does not fit one JPEG segment");
    }
    out.write(0xFF);
    out.write(marker);
    out.write(size >> 8);
    out.write(size & 0xFF);
    out.write(id, 0, id.length);
    out.write(data, offset, length);
  }

  private static boolean startsWith(byte[] bytes, int from, int end, byte[] prefix) {
    if (end - from < prefix.length) {
      return false;
    }
    return Arrays.equals(bytes, from, from + prefix.length, prefix, 0, prefix.length);
  }

  private static byte[] join(byte[][] chunks) {
    if (chunks == null) {
      return null;
    }
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    for (byte[] chunk : chunks) {
      if (chunk == null) {
        return null; // an incomplete profile is worse than none
      }
      out.write(chunk, 0, chunk.length);
    }
    return out.toByteArray();
  }
}
