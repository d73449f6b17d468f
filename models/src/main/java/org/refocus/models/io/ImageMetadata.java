package org.refocus.models.io;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * The metadata an image carries from input to output, as the bytes its format stores them in, so
 * that nothing is lost or reinterpreted on the way.
 *
 * @param iccProfile the embedded ICC profile, or null (sRGB or gray implied)
 * @param exif EXIF as a TIFF structure (starting with "II" or "MM"), or null
 * @param xmp the XMP packet as UTF-8 bytes, or null
 */
public record ImageMetadata(byte[] iccProfile, byte[] exif, byte[] xmp) {

  public static final ImageMetadata NONE = new ImageMetadata(null, null, null);

  public ImageMetadata withExif(byte[] newExif) {
    return new ImageMetadata(iccProfile, newExif, xmp);
  }

  public ImageMetadata withoutIccProfile() {
    return new ImageMetadata(null, exif, xmp);
  }

  public String xmpText() {
    return xmp == null ? null : new String(xmp, StandardCharsets.UTF_8);
  }

  public boolean isEmpty() {
    return iccProfile == null && exif == null && xmp == null;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof ImageMetadata other
        && Arrays.equals(iccProfile, other.iccProfile)
        && Arrays.equals(exif, other.exif)
        && Arrays.equals(xmp, other.xmp);
  }

  @Override
  public int hashCode() {
    return 31 * (31 * Arrays.hashCode(iccProfile) + Arrays.hashCode(exif)) + Arrays.hashCode(xmp);
  }

  @Override
  public String toString() {
    return "ImageMetadata[icc="
        + length(iccProfile)
        + " B, exif="
        + length(exif)
        + " B, xmp="
        + length(xmp)
        + " B]";
  }

  private static String length(byte[] bytes) {
    return bytes == null ? "none" : Integer.toString(bytes.length);
  }
}
