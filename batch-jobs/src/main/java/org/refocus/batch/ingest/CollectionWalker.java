package org.refocus.batch.ingest;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Stream;

/**
 * Lists the candidate image files of a collection in a stable order: relative paths with '/'
 * separators, sorted by their natural string order. Hidden files and files whose extension no image
 * format uses are not candidates; everything else is, including files that will turn out
 * unreadable, so nothing is silently left out.
 */
public final class CollectionWalker {

  static final Set<String> IMAGE_EXTENSIONS =
      Set.of("png", "jpg", "jpeg", "jpe", "tif", "tiff", "bmp", "gif", "webp", "jp2");

  private CollectionWalker() {}

  public static List<String> imagePaths(Path root) throws IOException {
    try (Stream<Path> files = Files.walk(root)) {
      return files
          .filter(Files::isRegularFile)
          .map(root::relativize)
          .filter(CollectionWalker::isCandidate)
          .map(CollectionWalker::portable)
          .sorted()
          .toList();
    }
  }

  /** The paths strictly after {@code lastPath} in walk order. */
  public static List<String> after(List<String> sortedPaths, String lastPath) {
    int from = 0;
    while (from < sortedPaths.size() && sortedPaths.get(from).compareTo(lastPath) <= 0) {
      from++;
    }
    return sortedPaths.subList(from, sortedPaths.size());
  }

  private static boolean isCandidate(Path relative) {
    for (Path part : relative) {
      if (part.toString().startsWith(".")) {
        return false;
      }
    }
    String name = relative.getFileName().toString();
    int dot = name.lastIndexOf('.');
    return dot > 0 && IMAGE_EXTENSIONS.contains(name.substring(dot + 1).toLowerCase(Locale.ROOT));
  }

  private static String portable(Path relative) {
    return relative.toString().replace(relative.getFileSystem().getSeparator(), "/");
  }
}
