package org.refocus.models.io;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Set;
import java.util.zip.CRC32;
import java.util.zip.DataFormatException;
import java.util.zip.Deflater;
import java.util.zip.Inflater;

/**
 * Reads and writes the PNG chunks that hold metadata: iCCP (ICC profile), eXIf (EXIF, PNG 1.2
 * extension) and iTXt with the keyword "XML:com.adobe.xmp" (XMP).
 */
final class PngChunks {

  private static final byte[] SIGNATURE = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n'};
  private static final String XMP_KEYWORD = "XML:com.adobe.xmp";
  private static final String ICC_NAME = "ICC profile";

  /** Colour and text chunks an encoder may write that the carried metadata replaces. */
  private static final Set<String> REPLACED =
      Set.of("iCCP", "sRGB", "gAMA", "cHRM", "eXIf", "iTXt", "tEXt", "zTXt", "tIME");

  private PngChunks() {}

  static ImageMetadata read(byte[] png) {
    if (!isPng(png)) {
      return ImageMetadata.NONE;
    }
    byte[] icc = null;
    byte[] exif = null;
    byte[] xmp = null;
    int pos = SIGNATURE.length;
    while (pos + 12 <= png.length) {
      int length = readInt(png, pos);
      String type = new String(png, pos + 4, 4, StandardCharsets.ISO_8859_1);
      int data = pos + 8;
      if (length < 0 || data + length + 4 > png.length || type.equals("IEND")) {
        break;
      }
      switch (type) {
        case "iCCP" -> icc = iccProfile(png, data, length);
        case "eXIf" -> exif = Arrays.copyOfRange(png, data, data + length);
        case "iTXt" -> {
          byte[] text = xmp(png, data, length);
          if (text != null) {
            xmp = text;
          }
        }
        default -> {
          // not metadata we carry
        }
      }
      pos = data + length + 4;
    }
    return new ImageMetadata(icc, exif, xmp);
  }

  /** Replaces the encoder's colour and text chunks with the metadata's, right after IHDR. */
  static byte[] insert(byte[] png, ImageMetadata metadata) {
    if (!isPng(png)) {
      throw new IllegalArgumentException("not a PNG stream");
    }
    ByteArrayOutputStream out = new ByteArrayOutputStream(png.length + 4096);
    out.write(png, 0, SIGNATURE.length);
    int pos = SIGNATURE.length;
    while (pos + 12 <= png.length) {
      int length = readInt(png, pos);
      String type = new String(png, pos + 4, 4, StandardCharsets.ISO_8859_1);
      int end = pos + 12 + length;
      if (!REPLACED.contains(type)) {
        out.write(png, pos, end - pos);
      }
      if (type.equals("IHDR")) {
        writeMetadataChunks(out, metadata);
      }
      pos = end;
    }
    return out.toByteArray();
  }

  private static void writeMetadataChunks(ByteArrayOutputStream out, ImageMetadata metadata) {
    if (metadata.iccProfile() != null) {
      ByteArrayOutputStream data = new ByteArrayOutputStream();
      data.writeBytes(ICC_NAME.getBytes(StandardCharsets.ISO_8859_1));
      data.write(0); // name terminator
      data.write(0); // compression method: deflate
      data.writeBytes(deflate(metadata.iccProfile()));
      chunk(out, "iCCP", data.toByteArray());
    }
    if (metadata.exif() != null) {
      chunk(out, "eXIf", metadata.exif());
    }
    if (metadata.xmp() != null) {
      ByteArrayOutputStream data = new ByteArrayOutputStream();
      data.writeBytes(XMP_KEYWORD.getBytes(StandardCharsets.ISO_8859_1));
      data.write(0); // keyword terminator
      data.write(0); // not compressed
      data.write(0); // compression method
      data.write(0); // empty language tag
      data.write(0); // empty translated keyword
      data.writeBytes(metadata.xmp());
      chunk(out, "iTXt", data.toByteArray());
    }
  }

  private static void chunk(ByteArrayOutputStream out, String type, byte[] data) {
    byte[] typeBytes = type.getBytes(StandardCharsets.ISO_8859_1);
    writeInt(out, data.length);
    out.writeBytes(typeBytes);
    out.writeBytes(data);
    CRC32 crc = new CRC32();
    crc.update(typeBytes);
    crc.update(data);
    writeInt(out, (int) crc.getValue());
  }

  private static byte[] iccProfile(byte[] png, int data, int length) {
    int end = data + length;
    int nul = data;
    while (nul < end && png[nul] != 0) {
      nul++;
    }
    if (nul + 2 > end || png[nul + 1] != 0) {
      return null; // malformed, or a compression method PNG does not define
    }
    return inflate(png, nul + 2, end - nul - 2);
  }

  private static byte[] xmp(byte[] png, int data, int length) {
    int end = data + length;
    byte[] keyword = XMP_KEYWORD.getBytes(StandardCharsets.ISO_8859_1);
    if (length < keyword.length + 5
        || !Arrays.equals(png, data, data + keyword.length, keyword, 0, keyword.length)
        || png[data + keyword.length] != 0) {
      return null;
    }
    int pos = data + keyword.length + 1;
    boolean compressed = png[pos] != 0;
    pos += 2; // compression flag and method
    for (int terminators = 0; terminators < 2 && pos < end; pos++) {
      if (png[pos] == 0) {
        terminators++; // language tag, translated keyword
      }
    }
    return compressed ? inflate(png, pos, end - pos) : Arrays.copyOfRange(png, pos, end);
  }

  private static byte[] deflate(byte[] bytes) {
    Deflater deflater = new Deflater(Deflater.BEST_COMPRESSION);
    try {
      deflater.setInput(bytes);
      deflater.finish();
      ByteArrayOutputStream out = new ByteArrayOutputStream(bytes.length / 2 + 64);
      byte[] buffer = new byte[8192];
      while (!deflater.finished()) {
        out.write(buffer, 0, deflater.deflate(buffer));
      }
      return out.toByteArray();
    } finally {
      deflater.end();
    }
  }

  private static byte[] inflate(byte[] bytes, int offset, int length) {
    Inflater inflater = new Inflater();
    try {
      inflater.setInput(bytes, offset, length);
      ByteArrayOutputStream out = new ByteArrayOutputStream(length * 3 + 64);
      byte[] buffer = new byte[8192];
      while (!inflater.finished()) {
        int n = inflater.inflate(buffer);
        if (n == 0 && (inflater.needsInput() || inflater.needsDictionary())) {
          return null; // truncated
        }
        out.write(buffer, 0, n);
      }
      return out.toByteArray();
    } catch (DataFormatException e) {
      return null;
    } finally {
      inflater.end();
    }
  }

  private static boolean isPng(byte[] bytes) {
    return bytes.length >= SIGNATURE.length
        && Arrays.equals(bytes, 0, SIGNATURE.length, SIGNATURE, 0, SIGNATURE.length);
  }

  private static int readInt(byte[] b, int pos) {
    return ((b[pos] & 0xFF) << 24)
        | ((b[pos + 1] & 0xFF) << 16)
        | ((b[pos + 2] & 0xFF) << 8)
        | (b[pos + 3] & 0xFF);
  }

  private static void writeInt(ByteArrayOutputStream out, int value) {
    out.write(value >>> 24);
    out.write((value >>> 16) & 0xFF);
    out.write((value >>> 8) & 0xFF);
    out.write(value & 0xFF);
  }
}
