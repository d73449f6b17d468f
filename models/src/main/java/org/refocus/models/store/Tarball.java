package org.refocus.models.store;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;
import org.apache.commons.compress.compressors.gzip.GzipCompressorInputStream;

/** Unpacks an npm tarball (gzipped tar, every path under {@code package/}). */
final class Tarball {

  private static final String ROOT = "package/";

  private Tarball() {}

  /**
   * Writes the regular files under {@code package/} into {@code target}, refusing any entry that
   * would land outside it.
   *
   * @return the paths written, relative to {@code target}, in archive order
   */
  static List<String> unpack(Path tarball, Path target) throws IOException {
    List<String> written = new ArrayList<>();
    Path root = target.toAbsolutePath().normalize();
    try (InputStream file = new BufferedInputStream(Files.newInputStream(tarball));
        TarArchiveInputStream tar =
            new TarArchiveInputStream(new GzipCompressorInputStream(file))) {
      for (TarArchiveEntry entry; (entry = tar.getNextEntry()) != null; ) {
        if (!entry.isFile()) {
          continue;
        }
        String name = entry.getName();
        if (!name.startsWith(ROOT)) {
          throw new IOException(tarball + ": entry outside package/: " + name);
        }
        String relative = name.substring(ROOT.length());
        Path out = root.resolve(relative).normalize();
        if (!out.startsWith(root) || relative.isEmpty()) {
          throw new IOException(tarball + ": entry escapes the package directory: " + name);
        }
        Files.createDirectories(out.getParent());
        Files.copy(tar, out, StandardCopyOption.REPLACE_EXISTING);
        written.add(root.relativize(out).toString().replace('\\', '/'));
      }
    }
    return written;
  }
}
