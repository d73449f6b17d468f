package org.refocus.models.io;

import com.twelvemonkeys.imageio.metadata.CompoundDirectory;
import com.twelvemonkeys.imageio.metadata.Directory;
import com.twelvemonkeys.imageio.metadata.Entry;
import com.twelvemonkeys.imageio.metadata.tiff.TIFFReader;
import com.twelvemonkeys.imageio.metadata.tiff.TIFFWriter;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import javax.imageio.stream.ImageInputStream;
import javax.imageio.stream.MemoryCacheImageInputStream;
import javax.imageio.stream.MemoryCacheImageOutputStream;

/**
 * Metadata of a TIFF file: its ICC profile and XMP tags, and its EXIF as a TIFF structure of its
 * own (the descriptive IFD0 tags with the EXIF and GPS sub-IFDs), the form JPEG and PNG carry EXIF
 * in.
 */
final class TiffMetadata {

  static final int TAG_ORIENTATION = 274;
  static final int TAG_XMP = 700;
  static final int TAG_EXIF_IFD = 34665;
  static final int TAG_GPS_IFD = 34853;
  static final int TAG_ICC_PROFILE = 34675;

  /** IFD0 tags that describe the picture rather than the file's layout. */
  static final Set<Integer> DESCRIPTIVE_TAGS =
      Set.of(270, 271, 272, TAG_ORIENTATION, 305, 306, 315, 33432, TAG_EXIF_IFD, TAG_GPS_IFD);

  private TiffMetadata() {}

  static ImageMetadata read(byte[] tiff) throws IOException {
    Directory ifd0;
    try (ImageInputStream in =
        new MemoryCacheImageInputStream(new java.io.ByteArrayInputStream(tiff))) {
      Directory all = new TIFFReader().read(in);
      ifd0 = all instanceof CompoundDirectory compound ? compound.getDirectory(0) : all;
    }
    byte[] icc = bytes(ifd0.getEntryById(TAG_ICC_PROFILE));
    byte[] xmp = bytes(ifd0.getEntryById(TAG_XMP));
    List<Entry> descriptive = new ArrayList<>();
    for (Entry entry : ifd0) {
      if (entry.getIdentifier() instanceof Integer tag && DESCRIPTIVE_TAGS.contains(tag)) {
        descriptive.add(entry);
      }
    }
    byte[] exif = descriptive.isEmpty() ? null : write(descriptive);
    return new ImageMetadata(icc, exif, xmp);
  }

  /** The IFD0 entries of an EXIF block, to merge into a TIFF being written. */
  static List<Entry> entries(byte[] exif) throws IOException {
    try (ImageInputStream in =
        new MemoryCacheImageInputStream(new java.io.ByteArrayInputStream(exif))) {
      Directory all = new TIFFReader().read(in);
      Directory ifd0 = all instanceof CompoundDirectory compound ? compound.getDirectory(0) : all;
      List<Entry> entries = new ArrayList<>();
      ifd0.forEach(entries::add);
      return entries;
    }
  }

  private static byte[] write(List<Entry> entries) throws IOException {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (MemoryCacheImageOutputStream out = new MemoryCacheImageOutputStream(bytes)) {
      new TIFFWriter().write(entries, out);
    }
    return bytes.toByteArray();
  }

  private static byte[] bytes(Entry entry) {
    return entry != null && entry.getValue() instanceof byte[] value ? value : null;
  }
}
