package org.refocus.models.store;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveOutputStream;
import org.apache.commons.compress.compressors.gzip.GzipCompressorOutputStream;

/** npm-style tarballs made in the test, for a fetcher that needs no network. */
final class FakeTarballs {

  private FakeTarballs() {}

  static byte[] tgz(Map<String, String> entries) throws IOException {
    Path file = Files.createTempFile("fake", ".tgz");
    try {
      try (OutputStream out = Files.newOutputStream(file);
          TarArchiveOutputStream tar =
              new TarArchiveOutputStream(new GzipCompressorOutputStream(out))) {
        for (Map.Entry<String, String> e : entries.entrySet()) {
          byte[] data = e.getValue().getBytes(StandardCharsets.UTF_8);
          TarArchiveEntry entry = new TarArchiveEntry(e.getKey());
          entry.setSize(data.length);
          tar.putArchiveEntry(entry);
          tar.write(data);
          tar.closeArchiveEntry();
        }
      }
      return Files.readAllBytes(file);
    } finally {
      Files.delete(file);
    }
  }
}
