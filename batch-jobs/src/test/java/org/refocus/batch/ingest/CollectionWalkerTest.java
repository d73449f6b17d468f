package org.refocus.batch.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CollectionWalkerTest {

  @TempDir Path root;

  @Test
  void listsImageFilesRecursivelyInPathOrderWithPortableSeparators() throws Exception {
    touch("b.png", "a.TIF", "scans/2/c.jpeg", "scans/10/d.jpg", "notes.txt", "README", ".x.png");
    touch(".thumbnails/e.png", "scans/.trash/f.png");

    assertThat(CollectionWalker.imagePaths(root))
        .containsExactly("a.TIF", "b.png", "scans/10/d.jpg", "scans/2/c.jpeg");
  }

  @Test
  void resumesStrictlyAfterTheCheckpointedPath() {
    List<String> paths = List.of("a.png", "b.png", "c.png", "d.png");

    assertThat(CollectionWalker.after(paths, "b.png")).containsExactly("c.png", "d.png");
    assertThat(CollectionWalker.after(paths, "d.png")).isEmpty();
    assertThat(CollectionWalker.after(paths, "0.png")).isEqualTo(paths);
    // A checkpointed file deleted since still places the restart correctly (keyset).
    assertThat(CollectionWalker.after(List.of("a.png", "c.png"), "b.png")).containsExactly("c.png");
  }

  private void touch(String... relativePaths) throws Exception {
    for (String relative : relativePaths) {
      Path file = root.resolve(relative);
      Files.createDirectories(file.getParent());
      Files.writeString(file, relative);
    }
  }
}
