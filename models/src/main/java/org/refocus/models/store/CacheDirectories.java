package org.refocus.models.store;

import java.io.IOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.DirectoryNotEmptyException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Comparator;
import java.util.stream.Stream;

/**
 * Publishing directories into the model cache all at once: an entry is built aside, then moved into
 * place, so a reader never sees half of one.
 */
public final class CacheDirectories {

  private CacheDirectories() {}

  /**
   * Moves {@code built} to {@code target}, replacing what is there. If another process published
   * the same target meanwhile, its entry stays and {@code built} is left for the caller to delete;
   * the caller's own check decides whether that entry is good.
   */
  public static void publish(Path built, Path target) throws IOException {
    if (Files.exists(target)) {
      Path aside = target.resolveSibling(target.getFileName() + ".replaced-" + System.nanoTime());
      try {
        Files.move(target, aside, StandardCopyOption.ATOMIC_MOVE);
      } catch (NoSuchFileException e) {
        // replaced concurrently; the move below decides
      }
      deleteQuietly(aside);
    }
    try {
      Files.move(built, target, StandardCopyOption.ATOMIC_MOVE);
    } catch (FileAlreadyExistsException | DirectoryNotEmptyException e) {
      // published concurrently: see above
    } catch (AtomicMoveNotSupportedException e) {
      throw new IOException("the model cache must be on one file system: " + e.getMessage(), e);
    }
  }

  public static void deleteRecursively(Path directory) throws IOException {
    if (!Files.exists(directory)) {
      return;
    }
    try (Stream<Path> paths = Files.walk(directory)) {
      for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) {
        Files.delete(p);
      }
    }
  }

  /** For temporary directories: a leftover is harmless, it is never read. */
  public static void deleteQuietly(Path directory) {
    try {
      deleteRecursively(directory);
    } catch (IOException ignored) {
      // see above
    }
  }
}
