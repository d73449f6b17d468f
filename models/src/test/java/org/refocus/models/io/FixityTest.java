package org.refocus.models.io;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FixityTest {

  @TempDir Path dir;

  @Test
  void matchesTheFips180TestVector() throws Exception {
    Path abc = Files.writeString(dir.resolve("abc.txt"), "abc");

    assertThat(Fixity.sha256(abc))
        .isEqualTo("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
  }

  @Test
  void streamsFilesLargerThanItsBuffer() throws Exception {
    byte[] zeros = new byte[200_000];
    Path file = Files.write(dir.resolve("zeros.bin"), zeros);

    // sha256sum of 200000 zero bytes
    assertThat(Fixity.sha256(file))
        .isEqualTo("4cbbd9be0cba685835755f827758705db5a413c5494c34262cd25946a73e7582");
  }
}
