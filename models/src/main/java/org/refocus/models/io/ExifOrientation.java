package org.refocus.models.io;

/**
 * The EXIF Orientation tag (0x0112 in IFD0) of an EXIF block, read and reset in place: once the
 * pixels are turned upright, the output says "1, upright" and keeps every other tag.
 */
final class ExifOrientation {

  static final int UPRIGHT = 1;
  private static final int TAG = 0x0112;
  private static final int TYPE_SHORT = 3;

  private ExifOrientation() {}

  /** The orientation 1..8, or 1 when the block has none or is malformed. */
  static int read(byte[] exif) {
    int entry = findEntry(exif);
    if (entry < 0) {
      return UPRIGHT;
    }
    int value = readShort(exif, entry + 8, bigEndian(exif));
    return value >= 1 && value <= 8 ? value : UPRIGHT;
  }

  /** A copy whose orientation says upright; the block itself if it has no orientation. */
  static byte[] upright(byte[] exif) {
    int entry = findEntry(exif);
    if (entry < 0) {
      return exif;
    }
    byte[] copy = exif.clone();
    if (bigEndian(copy)) {
      copy[entry + 8] = 0;
      copy[entry + 9] = UPRIGHT;
    } else {
      copy[entry + 8] = UPRIGHT;
      copy[entry + 9] = 0;
    }
    return copy;
  }

  /** Offset of the orientation entry in IFD0, or -1. */
  private static int findEntry(byte[] exif) {
    if (exif == null || exif.length < 8) {
      return -1;
    }
    boolean big;
    if (exif[0] == 'M' && exif[1] == 'M') {
      big = true;
    } else if (exif[0] == 'I' && exif[1] == 'I') {
      big = false;
    } else {
      return -1;
    }
    if (readShort(exif, 2, big) != 42) {
      return -1;
    }
    long ifd = readInt(exif, 4, big);
    if (ifd < 8 || ifd + 2 > exif.length) {
      return -1;
    }
    int count = readShort(exif, (int) ifd, big);
    for (int i = 0; i < count; i++) {
      int entry = (int) ifd + 2 + 12 * i;
      if (entry + 12 > exif.length) {
        return -1;
      }
      if (readShort(exif, entry, big) == TAG && readShort(exif, entry + 2, big) == TYPE_SHORT) {
        return entry;
      }
    }
    return -1;
  }

  private static boolean bigEndian(byte[] exif) {
    return exif[0] == 'M';
  }

  private static int readShort(byte[] b, int pos, boolean big) {
    int b0 = b[pos] & 0xFF;
    int b1 = b[pos + 1] & 0xFF;
    return big ? (b0 << 8) | b1 : (b1 << 8) | b0;
  }

  private static long readInt(byte[] b, int pos, boolean big) {
    long value = 0;
    for (int i = 0; i < 4; i++) {
      int shift = big ? 8 * (3 - i) : 8 * i;
      value |= (long) (b[pos + i] & 0xFF) << shift;
    }
    return value;
  }
}
