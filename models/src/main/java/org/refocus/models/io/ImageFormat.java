package org.refocus.models.io;

import java.util.Locale;

/** The container formats Refocus reads; PNG, JPEG and TIFF are also written. */
public enum ImageFormat {
  PNG(true),
  JPEG(true),
  TIFF(true),
  BMP(false),
  GIF(false);

  private final boolean writable;

  ImageFormat(boolean writable) {
    this.writable = writable;
  }

  public boolean writable() {
    return writable;
  }

  /** Lower-case name, as file extensions and the API use it. */
  public String id() {
    return name().toLowerCase(Locale.ROOT);
  }

  /** The format a file name's extension asks for, for choosing an output format. */
  public static ImageFormat fromExtension(String fileName) {
    String lower = fileName.toLowerCase(Locale.ROOT);
    if (lower.endsWith(".png")) {
      return PNG;
    }
    if (lower.endsWith(".jpg") || lower.endsWith(".jpeg")) {
      return JPEG;
    }
    if (lower.endsWith(".tif") || lower.endsWith(".tiff")) {
      return TIFF;
    }
    throw new IllegalArgumentException(
        "cannot tell the output format from '" + fileName + "': use .png, .jpg or .tif");
  }
}
